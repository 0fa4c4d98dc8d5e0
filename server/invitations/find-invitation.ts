// What an invitation link leads to, for the /invite page: which business, which role, which
// address, and whether it can still be accepted. Only someone holding the link can ask.
import { hashToken } from "../auth/tokens";
import type { Db } from "../db";

export type InvitationState = "pending" | "accepted" | "expired" | "revoked";

export async function findInvitationByToken(db: Db, { token, now }: { token: string; now: Date }) {
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      businessId: true,
      business: { select: { name: true } },
      invitedBy: { select: { name: true, email: true } },
    },
  });
  if (!row) return null;
  const state: InvitationState = row.revokedAt ? "revoked" : row.acceptedAt ? "accepted" : row.expiresAt <= now ? "expired" : "pending";
  return {
    state,
    businessId: row.businessId,
    businessName: row.business.name,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt,
    inviterName: row.invitedBy?.name ?? row.invitedBy?.email ?? null,
  };
}

// The team of a business: its members and, for admins, the invitations still pending.
import type { Db } from "../db";

export async function listMembers(db: Db, { businessId, withInvitations, now }: { businessId: string; withInvitations: boolean; now: Date }) {
  const members = await db.membership.findMany({
    where: { businessId },
    orderBy: { createdAt: "asc" },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  const invitations = withInvitations
    ? await db.invitation.findMany({
        where: { businessId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: "desc" },
        select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
      })
    : [];
  return {
    members: members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt })),
    invitations,
  };
}

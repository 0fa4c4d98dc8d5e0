// Accepting an invitation: the signed-in account must have the invited address. Creates the
// membership with the invited role (an existing member keeps their role), marks the invitation
// used (the conditional update is the claim: a link works once even under a race), and marks the
// address verified, since the link was delivered to it.
import { recordAudit } from "../audit";
import { hashToken } from "../auth/tokens";
import type { Db } from "../db";
import { AppError } from "../errors";

export const invitationErrors = {
  invalid: "This invitation link isn't valid. It may have been withdrawn; ask for a new one.",
  used: "This invitation has already been used.",
  expired: "This invitation has expired. Ask whoever invited you to send a new one.",
} as const;

export async function acceptInvitation(
  db: Db,
  { token, userId, now }: { token: string; userId: string; now: Date },
): Promise<{ businessId: string; role: string; alreadyMember: boolean }> {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, businessId: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation || invitation.revokedAt) throw new AppError("NOT_FOUND", invitationErrors.invalid, { reason: "invalid" });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, emailVerified: true } });
    if (user.email.toLowerCase() !== invitation.email) {
      throw new AppError(
        "FORBIDDEN",
        `This invitation was sent to ${invitation.email}, but you're signed in as ${user.email}. Sign out, then sign in or create an account with ${invitation.email}.`,
        { reason: "wrong_email", invitedEmail: invitation.email },
      );
    }
    const existing = await tx.membership.findUnique({
      where: { userId_businessId: { userId, businessId: invitation.businessId } },
      select: { role: true },
    });
    if (invitation.acceptedAt) {
      if (existing) return { businessId: invitation.businessId, role: existing.role, alreadyMember: true };
      throw new AppError("CONFLICT", invitationErrors.used, { reason: "used" });
    }
    if (invitation.expiresAt <= now) throw new AppError("INVALID_INPUT", invitationErrors.expired, { reason: "expired" });

    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("CONFLICT", invitationErrors.used, { reason: "used" });
    if (!user.emailVerified) await tx.user.update({ where: { id: userId }, data: { emailVerified: now } });

    const actor = { type: "user" as const, id: userId, channel: "dashboard" as const };
    if (existing) {
      await recordAudit(tx, {
        businessId: invitation.businessId,
        actor,
        action: "member.accept",
        entityType: "Invitation",
        entityId: invitation.id,
        after: { email: invitation.email, role: existing.role, alreadyMember: true },
      });
      return { businessId: invitation.businessId, role: existing.role, alreadyMember: true };
    }
    const membership = await tx.membership.create({
      data: { userId, businessId: invitation.businessId, role: invitation.role, createdAt: now },
      select: { id: true, role: true },
    });
    await recordAudit(tx, {
      businessId: invitation.businessId,
      actor,
      action: "member.accept",
      entityType: "Membership",
      entityId: membership.id,
      after: { userId, email: invitation.email, role: membership.role, invitationId: invitation.id },
    });
    return { businessId: invitation.businessId, role: membership.role, alreadyMember: false };
  });
}

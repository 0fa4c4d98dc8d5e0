// Owners and admins invite someone by email with a role (admin or staff). The link carries a
// secret token (only its hash is stored), works once, for 7 days; inviting the same address again
// withdraws the earlier link. The mail is account mail (no businessId): the outbox shows it only
// to the account with that address, never to the business's other members.
import type { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import { hashToken, newSecretToken } from "../auth/tokens";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { Mailer } from "../mail/mailer";
import { consumeRateLimits, type RateLimitRule } from "../rate-limit/rate-limiter";
import { invitationMail } from "./invitation-mail";
import { inviteMemberInput } from "./member-schemas";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const invitesPerBusiness: RateLimitRule = {
  scope: "invite_business",
  limit: 50,
  windowMs: 24 * 60 * 60 * 1000,
  message: "That's a lot of invitations for one day. Try again in {wait}.",
};

export async function inviteMember(
  db: Db,
  mailer: Mailer,
  {
    businessId,
    actor,
    input: raw,
    now,
    baseUrl,
  }: { businessId: string; actor: Actor & { id: string }; input: z.input<typeof inviteMemberInput>; now: Date; baseUrl: string },
) {
  const input = inviteMemberInput.parse(raw); // the address is compared and stored lower-cased
  const alreadyMember = await db.membership.findFirst({
    where: { businessId, user: { email: input.email } },
    select: { id: true },
  });
  if (alreadyMember) throw new AppError("CONFLICT", `${input.email} is already a member of this business.`, { field: "email" });
  await consumeRateLimits(db, [{ rule: invitesPerBusiness, key: businessId }], now);

  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const { invitation, businessName, inviterName } = await db.$transaction(async (tx) => {
    const withdrawn = await tx.invitation.updateMany({
      where: { businessId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const invitation = await tx.invitation.create({
      data: { businessId, email: input.email, role: input.role, tokenHash: hashToken(token), invitedById: actor.id, expiresAt, createdAt: now },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, {
      businessId,
      actor,
      action: "member.invite",
      entityType: "Invitation",
      entityId: invitation.id,
      after: { email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, replacedEarlier: withdrawn.count > 0 },
    });
    const business = await tx.business.findUniqueOrThrow({ where: { id: businessId }, select: { name: true } });
    const inviter = await tx.user.findUnique({ where: { id: actor.id }, select: { name: true, email: true } });
    return { invitation, businessName: business.name, inviterName: inviter?.name ?? inviter?.email ?? null };
  });

  const link = `${baseUrl}/invite?token=${encodeURIComponent(token)}`;
  const mail = await mailer.sendMail(
    invitationMail({ to: input.email, businessName, inviterName, role: input.role, link }),
  );
  return { invitationId: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, mailed: mail.status === "sent" };
}

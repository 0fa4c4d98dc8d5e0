// Withdraws a pending invitation: its link stops working. Audited.
import type { z } from "zod";
import { recordAudit } from "../audit";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { MemberActor } from "./owner-guard";
import type { revokeInvitationInput } from "./member-schemas";

export async function revokeInvitation(
  db: Db,
  { businessId, actor, input, now }: { businessId: string; actor: MemberActor; input: z.infer<typeof revokeInvitationInput>; now: Date },
) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: input.invitationId, businessId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "That invitation is no longer pending.");
    await recordAudit(tx, { businessId, actor, action: "invitation.revoke", entityType: "Invitation", entityId: input.invitationId });
    return { invitationId: input.invitationId, revoked: true };
  });
}

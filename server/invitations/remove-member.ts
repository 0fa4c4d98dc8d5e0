// Removes a member from a business (owner rules in owner-guard.ts), with an audit row.
import type { z } from "zod";
import { recordAudit } from "../audit";
import type { Db } from "../db";
import { lastOwnerError, lockedOwnerCount, ownerOnly, targetMembership, type MemberActor } from "./owner-guard";
import type { removeMemberInput } from "./member-schemas";

export async function removeMember(
  db: Db,
  { businessId, actor, input }: { businessId: string; actor: MemberActor; input: z.infer<typeof removeMemberInput> },
) {
  return db.$transaction(async (tx) => {
    const owners = await lockedOwnerCount(tx, businessId);
    const target = await targetMembership(tx, businessId, input.userId);
    if (target.role === "owner" && actor.role !== "owner") throw ownerOnly("remove an owner");
    if (target.role === "owner" && owners <= 1) throw lastOwnerError();
    await tx.membership.delete({ where: { id: target.id } });
    // Their staff profile stays (appointments refer to it) but no longer signs in as them.
    await tx.staffMember.updateMany({ where: { businessId, userId: input.userId }, data: { userId: null } });
    await recordAudit(tx, {
      businessId,
      actor,
      action: "member.remove",
      entityType: "Membership",
      entityId: target.id,
      before: { userId: input.userId, email: target.user.email, role: target.role },
    });
    return { userId: input.userId, removed: true };
  });
}

// Changes a member's role (owner rules in owner-guard.ts), with an audit row.
import type { z } from "zod";
import { recordAudit } from "../audit";
import type { Db } from "../db";
import { lastOwnerError, lockedOwnerCount, ownerOnly, targetMembership, type MemberActor } from "./owner-guard";
import type { changeMemberRoleInput } from "./member-schemas";

export async function changeMemberRole(
  db: Db,
  { businessId, actor, input }: { businessId: string; actor: MemberActor; input: z.infer<typeof changeMemberRoleInput> },
) {
  return db.$transaction(async (tx) => {
    const owners = await lockedOwnerCount(tx, businessId);
    const target = await targetMembership(tx, businessId, input.userId);
    if ((target.role === "owner" || input.role === "owner") && actor.role !== "owner") throw ownerOnly("make or change an owner");
    if (target.role === input.role) return { userId: input.userId, role: target.role, changed: false };
    if (target.role === "owner" && owners <= 1) throw lastOwnerError();
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    await recordAudit(tx, {
      businessId,
      actor,
      action: "member.role_change",
      entityType: "Membership",
      entityId: target.id,
      before: { userId: input.userId, email: target.user.email, role: target.role },
      after: { userId: input.userId, email: target.user.email, role: input.role },
    });
    return { userId: input.userId, role: input.role, changed: true };
  });
}

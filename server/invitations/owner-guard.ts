// Owners are special: only an owner may make, change or remove an owner, and the last owner can
// be neither demoted nor removed. lockedOwnerCount locks the owner rows (FOR UPDATE) inside the
// caller's transaction, so two owners demoting each other at once cannot leave a business with none.
import type { Actor } from "../audit";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums";

export type MemberActor = Actor & { id: string; role: Role };

export async function lockedOwnerCount(tx: Tx, businessId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Membership" WHERE "businessId" = ${businessId} AND "role" = 'owner' FOR UPDATE`;
  return rows.length;
}

export async function targetMembership(tx: Tx, businessId: string, userId: string) {
  const membership = await tx.membership.findUnique({
    where: { userId_businessId: { userId, businessId } },
    select: { id: true, role: true, user: { select: { email: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "That person isn't a member of this business.");
  return membership;
}

export const ownerOnly = (what: string) => new AppError("FORBIDDEN", `Only an owner can ${what}.`);

export const lastOwnerError = () =>
  new AppError("CONFLICT", "A business needs at least one owner. Make someone else an owner first.", { reason: "last_owner" });

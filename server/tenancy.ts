// The only code that decides what a user may see: membership of a business, and role.
// Outsiders get NOT_FOUND (never FORBIDDEN), so they cannot learn that a business exists.
import type { Db } from "./db";
import { AppError } from "./errors";
import type { Role } from "./generated/prisma/enums";

export const ROLE_RANK: Record<Role, number> = { staff: 1, admin: 2, owner: 3 };

export async function requireMembership(
  db: Db,
  { userId, businessId, minRole }: { userId: string; businessId: string; minRole: Role },
): Promise<{ role: Role }> {
  const membership = await db.membership.findUnique({
    where: { userId_businessId: { userId, businessId } },
    select: { role: true },
  });
  if (!membership) throw new AppError("NOT_FOUND", "No such business.");
  if (ROLE_RANK[membership.role] < ROLE_RANK[minRole]) {
    throw new AppError("FORBIDDEN", `Only a business ${minRole} can do this.`);
  }
  return membership;
}

export function listMyBusinesses(db: Db, { userId }: { userId: string }) {
  return db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, business: { select: { id: true, name: true, slug: true, timezone: true } } },
  });
}

// The business's API keys as the settings page lists them: name, prefix, when created, last used
// and revoked. Never the hash.
import type { Db } from "../db";

export function listApiKeys(db: Db, { businessId }: { businessId: string }) {
  return db.apiKey.findMany({
    where: { businessId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

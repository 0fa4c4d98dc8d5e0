// Revokes an API key: requests with it are refused from now on. Revoking twice changes nothing.
import { recordAudit, type Actor } from "../audit";
import type { Db } from "../db";
import { AppError } from "../errors";

export async function revokeApiKey(db: Db, { businessId, apiKeyId, now }: { businessId: string; apiKeyId: string; now: Date }, { actor }: { actor: Actor }) {
  return db.$transaction(async (tx) => {
    const before = await tx.apiKey.findFirst({ where: { id: apiKeyId, businessId }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such API key.");
    if (before.revokedAt) return before;
    await tx.apiKey.updateMany({ where: { id: apiKeyId, businessId }, data: { revokedAt: now } });
    const after = { ...before, revokedAt: now };
    await recordAudit(tx, { businessId, actor, action: "api_key.revoke", entityType: "ApiKey", entityId: apiKeyId, before, after });
    return after;
  });
}

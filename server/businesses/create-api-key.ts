// Per-business API keys for the public REST API. The key is shown once; only its sha256 is kept
// (keys are long random strings, so a fast hash is enough: there is nothing to brute-force).
// Given an actor, the key's creation is written to the audit log (its name and prefix, never the
// key) in the same transaction.
import { createHash, randomBytes } from "node:crypto";
import { recordAudit, type Actor } from "../audit";
import type { Db, Tx } from "../db";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export async function createApiKey(db: Db | Tx, { businessId, name }: { businessId: string; name: string }, options: { actor?: Actor } = {}) {
  const key = `sk_${randomBytes(24).toString("base64url")}`;
  const write = async (tx: Db | Tx) => {
    const row = await tx.apiKey.create({
      data: { businessId, name, prefix: key.slice(0, 7), hash: hashApiKey(key) },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    if (options.actor) {
      await recordAudit(tx, { businessId, actor: options.actor, action: "api_key.create", entityType: "ApiKey", entityId: row.id, after: { name: row.name, prefix: row.prefix } });
    }
    return row;
  };
  const row = "$transaction" in db && options.actor ? await db.$transaction((tx) => write(tx)) : await write(db);
  return { ...row, key };
}

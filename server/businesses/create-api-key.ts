// Per-business API keys for the public REST API. The key is shown once; only its sha256 is kept
// (keys are long random strings, so a fast hash is enough: there is nothing to brute-force).
import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "../db";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export async function createApiKey(db: Db | Tx, { businessId, name }: { businessId: string; name: string }) {
  const key = `sk_${randomBytes(24).toString("base64url")}`;
  const row = await db.apiKey.create({
    data: { businessId, name, prefix: key.slice(0, 7), hash: hashApiKey(key) },
    select: { id: true, prefix: true },
  });
  return { ...row, key };
}

// The audit log: who did what to which record, from which channel, with before/after snapshots.
// Written inside the same transaction as the change it describes.
import type { Db, Tx } from "./db";
import type { ActorType, Channel } from "./generated/prisma/enums";
import type { Prisma } from "./generated/prisma/client";

/** Who is acting: a signed-in user, a caller (phone/SMS), an API key, or the system. */
export interface Actor {
  type: ActorType;
  id?: string | null;
  channel: Channel;
}

export async function recordAudit(
  db: Db | Tx,
  entry: {
    businessId: string;
    actor: Actor;
    action: string;
    entityType: string;
    entityId: string | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await db.auditLog.create({
    data: {
      businessId: entry.businessId,
      actorType: entry.actor.type,
      actorId: entry.actor.id ?? null,
      channel: entry.actor.channel,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

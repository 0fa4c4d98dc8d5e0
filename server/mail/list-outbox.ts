// What /dashboard/outbox shows. Account mail delivered to the local outbox (no SMTP configured),
// only to the account it was addressed to; and a business's messages (email and SMS, whichever
// transport carried them), only to its admins: the tRPC procedure checks that. Newest first.
import type { Db } from "../db";
import { LOCAL_OUTBOX } from "./mailer";

const outboxSelect = {
  id: true,
  channel: true,
  kind: true,
  to: true,
  subject: true,
  body: true,
  status: true,
  createdAt: true,
  sentAt: true,
} as const;

export async function listAccountOutbox(db: Db, { userId, take = 50 }: { userId: string; take?: number }) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return [];
  return db.message.findMany({
    where: { businessId: null, channel: "email", providerId: LOCAL_OUTBOX, to: { equals: user.email, mode: "insensitive" } },
    orderBy: { createdAt: "desc" },
    take,
    select: outboxSelect,
  });
}

export function listBusinessOutbox(db: Db, { businessId, take = 50 }: { businessId: string; take?: number }) {
  return db.message.findMany({
    where: { businessId },
    orderBy: { createdAt: "desc" },
    take,
    select: outboxSelect,
  });
}

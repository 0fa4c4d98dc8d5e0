// Shared by the account integration tests: an outbox mailer on the test database and a reader
// for the links in the mail it "sent".
import type { Db } from "../db";
import { createMailer, outboxTransport } from "../mail/mailer";

export const BASE_URL = "http://localhost:3000";

export function testMailer(db: Db, now: () => Date = () => new Date("2026-11-24T12:00:00Z")) {
  return createMailer({ db, transport: outboxTransport, from: "test@localhost", now });
}

/** The newest mail of `kind` to `to`, and the token of the first link to `path` in it. */
export async function lastMail(db: Db, { to, kind }: { to: string; kind: string }) {
  const message = await db.message.findFirst({ where: { to, kind }, orderBy: { createdAt: "desc" }, select: { id: true, subject: true, body: true, businessId: true, status: true } });
  if (!message) return null;
  const token = /[?&]token=([^\s&]+)/.exec(message.body)?.[1];
  return { ...message, token: token ? decodeURIComponent(token) : undefined };
}

import { afterAll, describe, expect, it } from "vitest";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import { verifyEmailMail } from "../auth/account-mail";
import { listAccountOutbox } from "./list-outbox";
import { createMailer, LOCAL_OUTBOX, outboxTransport } from "./mailer";
import { smtpTransport } from "./smtp-transport";
import { decodedMessage, startTestSmtpServer, type TestSmtpServer } from "./test-smtp-server";

const now = new Date("2026-11-24T12:00:00Z");
const link = "http://localhost:3000/verify-email?token=abcDEF123_-xyz";

describe.each(engines)("the mailer on %s", (engine) => {
  const database = useTestDatabase(engine);
  const servers: TestSmtpServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it("without SMTP, delivers to the local outbox: a sent email row that only its addressee's account lists", async () => {
    const db = database().prisma;
    const mailer = createMailer({ db, transport: outboxTransport, from: "Test <test@localhost>", now: () => now });
    const user = await db.user.create({ data: { email: "outbox-owner@example.com" }, select: { id: true } });
    const other = await db.user.create({ data: { email: "someone-else@example.com" }, select: { id: true } });

    const sent = await mailer.sendMail(verifyEmailMail({ to: "Outbox-Owner@example.com", name: "Ola", link }));
    expect(sent.status).toBe("sent");
    const row = await db.message.findUniqueOrThrow({ where: { id: sent.messageId } });
    expect(row).toMatchObject({ channel: "email", kind: "verify_email", businessId: null, status: "sent", providerId: LOCAL_OUTBOX, attempts: 1 });
    expect(row.sentAt?.toISOString()).toBe(now.toISOString());
    expect(row.body).toContain(link);

    expect((await listAccountOutbox(db, { userId: user.id })).map((m) => m.id)).toEqual([sent.messageId]);
    expect(await listAccountOutbox(db, { userId: other.id })).toEqual([]);
  });

  it("with SMTP, hands the message to a real SMTP server: envelope, To, Subject and the link in the body", async () => {
    const db = database().prisma;
    const server = await startTestSmtpServer();
    servers.push(server);
    const mailer = createMailer({ db, transport: smtpTransport(`smtp://127.0.0.1:${server.port}`), from: "AppointmentScheduler <no-reply@example.com>", now: () => now });
    const sent = await mailer.sendMail(verifyEmailMail({ to: "smtp-user@example.com", name: "Sam", link }));
    await mailer.close();

    expect(sent.status).toBe("sent");
    expect(server.received).toHaveLength(1);
    const mail = server.received[0]!;
    expect(mail.from).toBe("no-reply@example.com");
    expect(mail.to).toEqual(["smtp-user@example.com"]);
    const text = decodedMessage(mail.data);
    expect(text).toMatch(/^To: smtp-user@example\.com$/m);
    expect(text).toMatch(/^Subject: Confirm your email for AppointmentScheduler$/m);
    expect(text).toContain(`Confirm your email: ${link}`);
    expect(text).toContain("text/html");

    const row = await db.message.findUniqueOrThrow({ where: { id: sent.messageId } });
    expect(row.status).toBe("sent");
    expect(row.providerId).toMatch(/@example\.com>$/);
    // Account mail sent by SMTP is not kept: the link in it is a credential.
    expect(row.body).not.toContain(link);
    const user = await db.user.create({ data: { email: "smtp-user@example.com" }, select: { id: true } });
    expect(await listAccountOutbox(db, { userId: user.id })).toEqual([]);
  });

  it("records a refused message as failed and returns the failure instead of throwing", async () => {
    const db = database().prisma;
    const server = await startTestSmtpServer({ rejectRecipients: true });
    servers.push(server);
    const mailer = createMailer({ db, transport: smtpTransport(`smtp://127.0.0.1:${server.port}`), from: "no-reply@example.com", now: () => now });
    const sent = await mailer.sendMail({ to: "nobody@example.com", subject: "Hello", text: "Hi", kind: "test" });
    await mailer.close();
    expect(sent.status).toBe("failed");
    const row = await db.message.findUniqueOrThrow({ where: { id: sent.messageId } });
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/550|recipient/i);
  });
});

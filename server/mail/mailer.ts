// The one mailer. Every email the product sends goes through sendMail(), which records it in the
// Message table (channel email) and hands it to the transport chosen from configuration:
//   - SMTP (nodemailer) when SMTP_URL is set: status becomes sent (providerId = the SMTP message id)
//     or failed (error kept), and a failure is returned, not thrown, so a flaky mail server never
//     fails the sign-up or booking that sent the mail;
//   - otherwise the local outbox: status goes queued → sent, which here means "delivered to the
//     local outbox" (providerId LOCAL_OUTBOX), and /dashboard/outbox shows it to its addressee.
// Account mail (sign-up, password reset, invitations) has no businessId and is shown only to the
// account whose email it was sent to. Over SMTP the body of account mail is not kept: it holds a
// single-use link, and the token behind it is stored only as a hash.
import type { Db } from "../db";
import type { Logger } from "../logger";

export const LOCAL_OUTBOX = "local-outbox";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the mail is for: verify_email, password_reset, invitation, confirmation, reminder, … */
  kind: string;
  /** The business it belongs to; absent for account mail. */
  businessId?: string | null;
  customerId?: string | null;
  appointmentId?: string | null;
}

export interface SentMail {
  messageId: string;
  status: "sent" | "failed";
  error?: string;
}

/** Delivers one message; answers the provider's id for it. */
export interface MailTransport {
  readonly mode: "smtp" | "outbox";
  deliver(mail: { from: string; to: string; subject: string; text: string; html?: string }): Promise<{ providerId: string }>;
  close(): Promise<void>;
}

export interface Mailer {
  readonly mode: "smtp" | "outbox";
  sendMail(mail: OutgoingMail): Promise<SentMail>;
  close(): Promise<void>;
}

/** The local outbox: delivery is the Message row itself. */
export const outboxTransport: MailTransport = {
  mode: "outbox",
  deliver: async () => ({ providerId: LOCAL_OUTBOX }),
  close: async () => {},
};

export function createMailer({
  db,
  transport,
  from,
  now = () => new Date(),
  log,
}: {
  db: Db;
  transport: MailTransport;
  from: string;
  now?: () => Date;
  log?: Pick<Logger, "warn">;
}): Mailer {
  return {
    mode: transport.mode,
    async sendMail(mail) {
      const to = mail.to.trim();
      const keepBody = transport.mode === "outbox" || Boolean(mail.businessId);
      const row = await db.message.create({
        data: {
          channel: "email",
          kind: mail.kind,
          to,
          subject: mail.subject,
          body: keepBody ? mail.text : "(sent by SMTP; not kept because it holds a private link)",
          status: "queued",
          businessId: mail.businessId ?? null,
          customerId: mail.customerId ?? null,
          appointmentId: mail.appointmentId ?? null,
          sendAfter: now(),
        },
        select: { id: true },
      });
      try {
        const { providerId } = await transport.deliver({ from, to, subject: mail.subject, text: mail.text, html: mail.html });
        await db.message.update({
          where: { id: row.id },
          data: { status: "sent", sentAt: now(), providerId, attempts: { increment: 1 } },
        });
        return { messageId: row.id, status: "sent" };
      } catch (cause) {
        const error = cause instanceof Error ? cause.message : String(cause);
        await db.message.update({ where: { id: row.id }, data: { status: "failed", error: error.slice(0, 500), attempts: { increment: 1 } } });
        log?.warn({ messageId: row.id, kind: mail.kind, err: error }, "email could not be sent");
        return { messageId: row.id, status: "failed", error };
      }
    },
    close: () => transport.close(),
  };
}

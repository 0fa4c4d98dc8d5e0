// SMTP delivery through nodemailer, for SMTP_URL (smtp://user:pass@host:587 or smtps://…:465).
// One transporter per process; nodemailer upgrades to TLS when the server offers STARTTLS.
import nodemailer from "nodemailer";
import type { MailTransport } from "./mailer";

export function smtpTransport(smtpUrl: string, { timeoutMs = 15_000 }: { timeoutMs?: number } = {}): MailTransport {
  const url = new URL(smtpUrl);
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587,
    secure: url.protocol === "smtps:",
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    mode: "smtp",
    async deliver(mail) {
      const info = await transporter.sendMail(mail);
      if (info.accepted.length === 0) throw new Error(`the mail server refused the recipient: ${info.response}`);
      return { providerId: info.messageId };
    },
    close: async () => transporter.close(),
  };
}

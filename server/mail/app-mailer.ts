// The web process's mailer, chosen once from configuration: SMTP when SMTP_URL is set, otherwise
// the local outbox. Route handlers and tRPC procedures get it here and pass it to domain code.
import { appDb } from "../app-db";
import { env } from "../env";
import { createLogger } from "../logger";
import { createMailer, outboxTransport, type Mailer } from "./mailer";
import { smtpTransport } from "./smtp-transport";

let mailer: Promise<Mailer> | undefined;

export function appMailer(): Promise<Mailer> {
  mailer ??= (async () => {
    const config = env();
    return createMailer({
      db: await appDb(),
      transport: config.SMTP_URL ? smtpTransport(config.SMTP_URL) : outboxTransport,
      from: config.MAIL_FROM,
      log: createLogger(config.LOG_LEVEL, "mail"),
    });
  })();
  return mailer;
}

/** The address links in mail point at: PUBLIC_URL, else the local address `npm start` serves. */
export function appBaseUrl(): string {
  const config = env();
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, "");
}

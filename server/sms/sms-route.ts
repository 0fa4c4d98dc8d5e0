// Adapts the SMS webhook to a Next.js route handler: the web process's configuration, database,
// logger and agent engine (chosen once per process by selectAgentEngine), and the wall clock.
// Only app/api/twilio/sms imports this.
import { selectAgentEngine, type SelectedEngine } from "../agent/engines/select-engine";
import { appDb } from "../app-db";
import { webhookAuthToken } from "../calls/webhook-auth-token";
import { env } from "../env";
import { createLogger, type Logger } from "../logger";
import { handleSmsWebhook, smsTwimlResponse } from "./sms-webhook";
import { SMS_TROUBLE } from "./sms-replies";

let log: Logger | undefined;
let selected: SelectedEngine | undefined;

export async function smsWebhookRoute(request: Request): Promise<Response> {
  const config = env();
  log ??= createLogger(config.LOG_LEVEL, "twilio-sms");
  try {
    selected ??= selectAgentEngine(config, log);
    return await handleSmsWebhook(
      { db: await appDb(), authToken: webhookAuthToken(config).token, publicUrl: config.PUBLIC_URL, now: new Date(), log, engine: selected.engine },
      request,
    );
  } catch (error) {
    // 200, not 500: Twilio sends a <Message> only from a successful answer, and the texter should
    // hear that something went wrong rather than nothing at all.
    log.error({ err: error }, "sms webhook failed");
    return smsTwimlResponse(SMS_TROUBLE);
  }
}

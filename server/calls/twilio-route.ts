// Adapts a Twilio webhook handler to a Next.js route handler: the web process's configuration,
// database and logger, and the wall clock. Only app/api/twilio/** imports this.
import { appDb } from "../app-db";
import { env } from "../env";
import { createLogger, type Logger } from "../logger";
import { twimlResponse, twiml, say, hangup } from "./twiml";
import type { TwilioWebhookContext } from "./twilio-webhook-request";
import { mediaStreamUrl, TECHNICAL_TROUBLE_MESSAGE } from "./voice-webhook";
import { webhookAuthToken } from "./webhook-auth-token";

let log: Logger | undefined;

export function twilioRoute(handler: (ctx: TwilioWebhookContext, request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const config = env();
    log ??= createLogger(config.LOG_LEVEL, "twilio-webhooks");
    try {
      const ctx: TwilioWebhookContext = {
        db: await appDb(),
        authToken: webhookAuthToken(config).token,
        publicUrl: config.PUBLIC_URL,
        streamUrl: mediaStreamUrl(config.VOICE_WORKER_PUBLIC_URL),
        now: new Date(),
        log,
      };
      return await handler(ctx, request);
    } catch (error) {
      // Twilio reads any non-TwiML answer as "an application error has occurred"; say something kinder.
      log.error({ err: error }, "twilio webhook failed");
      return twimlResponse(twiml(say(TECHNICAL_TROUBLE_MESSAGE), hangup()), 500);
    }
  };
}

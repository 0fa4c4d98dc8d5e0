// POST /api/twilio/sms: Twilio's "a message comes in" webhook (logic: server/sms/sms-webhook.ts).
import { smsWebhookRoute } from "@/server/sms/sms-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
export const POST = smsWebhookRoute;

// POST /api/twilio/voice: Twilio's "a call comes in" webhook (logic: server/calls/voice-webhook.ts).
import { twilioRoute } from "@/server/calls/twilio-route";
import { handleVoiceWebhook } from "@/server/calls/voice-webhook";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
export const POST = twilioRoute(handleVoiceWebhook);

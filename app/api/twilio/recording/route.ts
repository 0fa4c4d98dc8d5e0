// POST /api/twilio/recording: Twilio reports a message or call recording (logic:
// server/calls/recording-callback.ts).
import { handleRecordingCallback } from "@/server/calls/recording-callback";
import { twilioRoute } from "@/server/calls/twilio-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
export const POST = twilioRoute(handleRecordingCallback);

// POST /api/twilio/status: Twilio's call status callback (logic: server/calls/status-callback.ts).
import { handleStatusCallback } from "@/server/calls/status-callback";
import { twilioRoute } from "@/server/calls/twilio-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
export const POST = twilioRoute(handleStatusCallback);

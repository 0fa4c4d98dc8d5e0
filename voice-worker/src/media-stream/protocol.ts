// The Twilio Media Streams wire protocol (bidirectional `<Connect><Stream>`): validation of every
// message Twilio sends, and builders for the three messages we send back. Field names follow
// Twilio's documentation exactly. Parsing never throws: a bad frame is a `{ ok: false, reason }`
// the socket handler logs and drops, so one odd message cannot take a call down.

import { z } from "zod";
import { MULAW_FRAME_BYTES } from "./mulaw";

// Twilio sends numbers-as-strings for counters and clocks.
const decimalString = z.string().regex(/^\d+$/, "expected a decimal string");
const sid = z.string().min(1);

export const connectedEventSchema = z.object({
  event: z.literal("connected"),
  protocol: z.string(),
  version: z.string(),
});

export const startEventSchema = z.object({
  event: z.literal("start"),
  sequenceNumber: decimalString,
  streamSid: sid,
  start: z.object({
    streamSid: sid,
    accountSid: sid,
    callSid: sid,
    tracks: z.array(z.enum(["inbound", "outbound"])).min(1),
    // Twilio always sends the object; a missing one is treated as "no parameters".
    customParameters: z.record(z.string(), z.string()).default({}),
    // Anything but 8 kHz mono μ-law would be decoded as noise, so it is refused here.
    mediaFormat: z.object({
      encoding: z.literal("audio/x-mulaw"),
      sampleRate: z.literal(8000),
      channels: z.literal(1),
    }),
  }),
});

export const mediaEventSchema = z.object({
  event: z.literal("media"),
  sequenceNumber: decimalString,
  streamSid: sid,
  media: z.object({
    track: z.enum(["inbound", "outbound"]),
    chunk: decimalString,
    /** Milliseconds since the stream started, as a string. */
    timestamp: decimalString,
    /** Base64 μ-law, no header. Checked (and decoded) by `parseInboundMessage`. */
    payload: z.string(),
  }),
});

export const dtmfEventSchema = z.object({
  event: z.literal("dtmf"),
  sequenceNumber: decimalString,
  streamSid: sid,
  dtmf: z.object({
    track: z.string(),
    digit: z.string().regex(/^[0-9*#A-D]$/, "expected one DTMF digit"),
  }),
});

export const markEventSchema = z.object({
  event: z.literal("mark"),
  sequenceNumber: decimalString,
  streamSid: sid,
  mark: z.object({ name: z.string() }),
});

export const stopEventSchema = z.object({
  event: z.literal("stop"),
  sequenceNumber: decimalString,
  streamSid: sid,
  stop: z.object({ accountSid: sid, callSid: sid }),
});

const inboundSchemas = {
  connected: connectedEventSchema,
  start: startEventSchema,
  media: mediaEventSchema,
  dtmf: dtmfEventSchema,
  mark: markEventSchema,
  stop: stopEventSchema,
} as const;

export type ConnectedEvent = z.infer<typeof connectedEventSchema>;
export type StartEvent = z.infer<typeof startEventSchema>;
/** A media event with its payload already checked and decoded, so nobody decodes it twice. */
export type MediaEvent = z.infer<typeof mediaEventSchema> & {
  /** The decoded μ-law bytes of `media.payload`. */
  audio: Buffer;
  /** `media.timestamp` as a number of milliseconds since the stream started. */
  timestampMs: number;
};
export type DtmfEvent = z.infer<typeof dtmfEventSchema>;
export type MarkEvent = z.infer<typeof markEventSchema>;
export type StopEvent = z.infer<typeof stopEventSchema>;
export type InboundEvent = ConnectedEvent | StartEvent | MediaEvent | DtmfEvent | MarkEvent | StopEvent;

export type InboundRejection =
  | "binary-frame"
  | "oversize-frame"
  | "malformed-json"
  | "unknown-event"
  | "schema-mismatch"
  | "invalid-base64"
  | "implausible-media-size";

export type ParseInboundResult =
  | { ok: true; event: InboundEvent }
  | { ok: false; reason: InboundRejection; detail: string };

export interface ParseInboundOptions {
  /** Largest frame accepted before JSON parsing. A 20 ms media message is about 330 bytes. */
  maxFrameBytes?: number;
  /** Smallest decoded media payload accepted. */
  minMediaBytes?: number;
  /** Largest decoded media payload accepted. Twilio sends 160 bytes (20 ms) per message. */
  maxMediaBytes?: number;
}

export const DEFAULT_MAX_FRAME_BYTES = 64 * 1024;
export const DEFAULT_MIN_MEDIA_BYTES = 1;
// 200 ms. Well above Twilio's 20 ms chunks, well below anything that could be a memory problem.
export const DEFAULT_MAX_MEDIA_BYTES = 10 * MULAW_FRAME_BYTES;

// Strict RFC 4648 base64 with padding. Node's decoder silently skips bad characters, so the
// shape is checked first; otherwise garbage would become audio.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Validates one WebSocket message from Twilio. `isBinary` is the flag `ws` passes to its
 * "message" listener: Twilio only ever sends text frames.
 */
export function parseInboundMessage(
  data: string | Buffer,
  isBinary: boolean,
  options: ParseInboundOptions = {},
): ParseInboundResult {
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  if (isBinary) return reject("binary-frame", "Twilio sends only text frames");

  const size = typeof data === "string" ? Buffer.byteLength(data, "utf8") : data.length;
  if (size > maxFrameBytes) {
    return reject("oversize-frame", `frame of ${size} bytes exceeds the ${maxFrameBytes}-byte limit`);
  }

  let json: unknown;
  try {
    json = JSON.parse(typeof data === "string" ? data : data.toString("utf8"));
  } catch (error) {
    return reject("malformed-json", error instanceof Error ? error.message : "invalid JSON");
  }

  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return reject("schema-mismatch", "message is not a JSON object");
  }
  const eventName = (json as { event?: unknown }).event;
  if (typeof eventName !== "string") return reject("schema-mismatch", "missing string field `event`");
  if (!Object.hasOwn(inboundSchemas, eventName)) {
    return reject("unknown-event", `unknown event ${JSON.stringify(eventName.slice(0, 40))}`);
  }

  const schema = inboundSchemas[eventName as keyof typeof inboundSchemas];
  const parsed = schema.safeParse(json);
  if (!parsed.success) return reject("schema-mismatch", `${eventName}: ${summarize(parsed.error)}`);

  if (parsed.data.event !== "media") return { ok: true, event: parsed.data };
  return decodeMedia(parsed.data, options);
}

function decodeMedia(event: z.infer<typeof mediaEventSchema>, options: ParseInboundOptions): ParseInboundResult {
  const minBytes = options.minMediaBytes ?? DEFAULT_MIN_MEDIA_BYTES;
  const maxBytes = options.maxMediaBytes ?? DEFAULT_MAX_MEDIA_BYTES;
  const payload = event.media.payload;
  if (!BASE64.test(payload)) return reject("invalid-base64", "media.payload is not base64");

  const padding = payload.endsWith("==") ? 2 : payload.endsWith("=") ? 1 : 0;
  const decodedBytes = (payload.length / 4) * 3 - padding;
  if (decodedBytes < minBytes || decodedBytes > maxBytes) {
    return reject(
      "implausible-media-size",
      `media.payload decodes to ${decodedBytes} bytes, expected ${minBytes}–${maxBytes}`,
    );
  }
  // The parsed object is fresh and ours, so attaching the decoded fields costs no extra copy.
  const media = Object.assign(event, {
    audio: Buffer.from(payload, "base64"),
    timestampMs: Number(event.media.timestamp),
  });
  return { ok: true, event: media };
}

function reject(reason: InboundRejection, detail: string): ParseInboundResult {
  return { ok: false, reason, detail };
}

function summarize(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}

// ---- Server → Twilio ----

/**
 * One outbound audio frame. Exactly 160 bytes (20 ms): Twilio plays partial frames with audible
 * jitter, so a wrong size is a bug in the caller and throws.
 */
export function buildMediaMessage(streamSid: string, frame: Uint8Array): string {
  if (frame.length !== MULAW_FRAME_BYTES) {
    throw new RangeError(`media frames must be ${MULAW_FRAME_BYTES} bytes, got ${frame.length}`);
  }
  // A Buffer view over the caller's memory: base64 without copying the frame first.
  const payload = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength).toString("base64");
  return JSON.stringify({ event: "media", streamSid, media: { payload } });
}

/** Asks Twilio to echo `name` back once all audio sent before it has played (or been cleared). */
export function buildMarkMessage(streamSid: string, name: string): string {
  if (name.length === 0) throw new RangeError("mark name must not be empty");
  return JSON.stringify({ event: "mark", streamSid, mark: { name } });
}

/** Discards everything Twilio has buffered for playback: the audio half of a barge-in. */
export function buildClearMessage(streamSid: string): string {
  return JSON.stringify({ event: "clear", streamSid });
}

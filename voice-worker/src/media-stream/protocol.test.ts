import { describe, expect, it } from "vitest";
import {
  buildClearMessage,
  buildMarkMessage,
  buildMediaMessage,
  parseInboundMessage,
  type InboundEvent,
  type ParseInboundResult,
} from "./protocol";

const STREAM_SID = "MZ18ad3ab5a668481ce02b83e7395059f0";
const CALL_SID = "CA0123456789abcdef0123456789abcdef";
const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

// Shapes as Twilio documents them (see shared/reference/voice.md).
const connected = { event: "connected", protocol: "Call", version: "1.0.0" };
const start = {
  event: "start",
  sequenceNumber: "1",
  streamSid: STREAM_SID,
  start: {
    streamSid: STREAM_SID,
    accountSid: ACCOUNT_SID,
    callSid: CALL_SID,
    tracks: ["inbound"],
    customParameters: { businessId: "biz_1", token: "one-time" },
    mediaFormat: { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 },
  },
};
const frame = Buffer.alloc(160, 0xff);
frame[0] = 0x12;
const media = {
  event: "media",
  sequenceNumber: "3",
  streamSid: STREAM_SID,
  media: { track: "inbound", chunk: "2", timestamp: "5020", payload: frame.toString("base64") },
};
const dtmf = {
  event: "dtmf",
  sequenceNumber: "5",
  streamSid: STREAM_SID,
  dtmf: { track: "inbound_track", digit: "1" },
};
const mark = { event: "mark", sequenceNumber: "4", streamSid: STREAM_SID, mark: { name: "seg:u1:0:1600" } };
const stop = {
  event: "stop",
  sequenceNumber: "6",
  streamSid: STREAM_SID,
  stop: { accountSid: ACCOUNT_SID, callSid: CALL_SID },
};

function parse(message: unknown, isBinary = false): ParseInboundResult {
  return parseInboundMessage(JSON.stringify(message), isBinary);
}

function accepted(result: ParseInboundResult): InboundEvent {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.detail}`);
  return result.event;
}

function rejection(result: ParseInboundResult) {
  if (result.ok) throw new Error(`expected a rejection, got ${result.event.event}`);
  return result.reason;
}

describe("parseInboundMessage: valid Twilio messages", () => {
  it("accepts the connected handshake", () => {
    const event = accepted(parse(connected));
    expect(event).toEqual(connected);
  });

  it("accepts start and exposes the call ids and custom parameters", () => {
    const event = accepted(parse(start));
    if (event.event !== "start") throw new Error("wrong event");
    expect(event.start.callSid).toBe(CALL_SID);
    expect(event.start.customParameters).toEqual({ businessId: "biz_1", token: "one-time" });
    expect(event.start.mediaFormat).toEqual({ encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 });
  });

  it("defaults missing customParameters to an empty object", () => {
    const { customParameters: _omitted, ...rest } = start.start;
    const event = accepted(parse({ ...start, start: rest }));
    if (event.event !== "start") throw new Error("wrong event");
    expect(event.start.customParameters).toEqual({});
  });

  it("decodes a media payload and its timestamp", () => {
    const event = accepted(parse(media));
    if (event.event !== "media") throw new Error("wrong event");
    expect(event.audio.length).toBe(160);
    expect(event.audio[0]).toBe(0x12);
    expect(event.audio[159]).toBe(0xff);
    expect(event.timestampMs).toBe(5020);
    expect(event.media.track).toBe("inbound");
  });

  it("accepts a media frame delivered as a text Buffer, as ws does", () => {
    const event = accepted(parseInboundMessage(Buffer.from(JSON.stringify(media)), false));
    expect(event.event).toBe("media");
  });

  it("accepts dtmf, mark and stop", () => {
    const d = accepted(parse(dtmf));
    const m = accepted(parse(mark));
    const s = accepted(parse(stop));
    expect(d.event === "dtmf" && d.dtmf.digit).toBe("1");
    expect(m.event === "mark" && m.mark.name).toBe("seg:u1:0:1600");
    expect(s.event === "stop" && s.stop.callSid).toBe(CALL_SID);
  });

  it("ignores fields Twilio may add in future", () => {
    const event = accepted(parse({ ...mark, extra: { anything: true } }));
    expect(event.event).toBe("mark");
  });
});

describe("parseInboundMessage: rejected input", () => {
  it("refuses binary frames before looking at them", () => {
    expect(rejection(parseInboundMessage(Buffer.from(JSON.stringify(media)), true))).toBe("binary-frame");
  });

  it("refuses frames over the size limit, default 64 KiB and configurable", () => {
    const huge = JSON.stringify({ ...mark, mark: { name: "x".repeat(70_000) } });
    expect(rejection(parseInboundMessage(huge, false))).toBe("oversize-frame");
    expect(rejection(parseInboundMessage(JSON.stringify(mark), false, { maxFrameBytes: 50 }))).toBe(
      "oversize-frame",
    );
    expect(parseInboundMessage(JSON.stringify(mark), false, { maxFrameBytes: 500 }).ok).toBe(true);
  });

  it("reports malformed JSON", () => {
    expect(rejection(parseInboundMessage('{"event":"media",', false))).toBe("malformed-json");
  });

  it("reports an unknown event name", () => {
    expect(rejection(parse({ event: "clear", streamSid: STREAM_SID }))).toBe("unknown-event");
    expect(rejection(parse({ event: "toString" }))).toBe("unknown-event");
  });

  it("reports JSON that is not an event object as a schema mismatch", () => {
    expect(rejection(parse([1, 2]))).toBe("schema-mismatch");
    expect(rejection(parse({ protocol: "Call" }))).toBe("schema-mismatch");
  });

  it("reports missing or mistyped fields as a schema mismatch with the field path", () => {
    const result = parse({ ...media, media: { ...media.media, timestamp: 5020 } });
    expect(rejection(result)).toBe("schema-mismatch");
    expect(!result.ok && result.detail).toContain("media.timestamp");
    expect(rejection(parse({ ...stop, stop: { callSid: CALL_SID } }))).toBe("schema-mismatch");
  });

  it("refuses a start whose audio is not 8 kHz mono μ-law", () => {
    const l16 = { ...start, start: { ...start.start, mediaFormat: { encoding: "audio/x-l16", sampleRate: 16000, channels: 1 } } };
    expect(rejection(parse(l16))).toBe("schema-mismatch");
  });

  it("refuses a media payload that is not base64", () => {
    expect(rejection(parse({ ...media, media: { ...media.media, payload: "not base64!" } }))).toBe("invalid-base64");
    // Right alphabet, wrong length: Node would silently decode a truncated buffer.
    expect(rejection(parse({ ...media, media: { ...media.media, payload: "AAAAA" } }))).toBe("invalid-base64");
  });

  it("refuses media payloads that decode to an implausible size", () => {
    const tooBig = Buffer.alloc(1601, 0xff).toString("base64");
    expect(rejection(parse({ ...media, media: { ...media.media, payload: tooBig } }))).toBe("implausible-media-size");
    expect(rejection(parse({ ...media, media: { ...media.media, payload: "" } }))).toBe("implausible-media-size");
    const ok = Buffer.alloc(1600, 0xff).toString("base64");
    expect(parse({ ...media, media: { ...media.media, payload: ok } }).ok).toBe(true);
  });
});

describe("outbound message builders", () => {
  it("builds a media message carrying exactly one 160-byte frame", () => {
    const backing = new Uint8Array(400).fill(0x7f);
    const out = backing.subarray(80, 240);
    out[0] = 0x01;
    const message = JSON.parse(buildMediaMessage(STREAM_SID, out));
    expect(message.event).toBe("media");
    expect(message.streamSid).toBe(STREAM_SID);
    const payload = Buffer.from(message.media.payload, "base64");
    expect(payload.length).toBe(160);
    expect(payload[0]).toBe(0x01);
    expect(payload[1]).toBe(0x7f);
  });

  it("refuses partial media frames", () => {
    expect(() => buildMediaMessage(STREAM_SID, new Uint8Array(159))).toThrow(RangeError);
    expect(() => buildMediaMessage(STREAM_SID, new Uint8Array(320))).toThrow(RangeError);
  });

  it("builds mark and clear messages in Twilio's shape", () => {
    expect(JSON.parse(buildMarkMessage(STREAM_SID, "seg:u1:0:1600"))).toEqual({
      event: "mark",
      streamSid: STREAM_SID,
      mark: { name: "seg:u1:0:1600" },
    });
    expect(JSON.parse(buildClearMessage(STREAM_SID))).toEqual({ event: "clear", streamSid: STREAM_SID });
    expect(() => buildMarkMessage(STREAM_SID, "")).toThrow(RangeError);
  });
});

// Reads the few TwiML elements the simulator acts on, as Twilio would: the <Connect><Stream> URL
// and its <Parameter>s, and the <Say> texts (spoken to the caller when there is no stream, or by
// the fallback after the stream ends abnormally).
export interface StreamTwiml {
  url: string;
  parameters: Record<string, string>;
  /** The TwiML after </Connect>: what Twilio runs if the stream ends without a call update. */
  fallback: string;
}

function decode(value: string): string {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1]!) : undefined;
}

export function readStreamTwiml(twiml: string): StreamTwiml | null {
  const streamTag = /<Stream\b[^>]*>/.exec(twiml)?.[0];
  if (!streamTag) return null;
  const url = attribute(streamTag, "url");
  if (!url) return null;
  const parameters: Record<string, string> = {};
  for (const tag of twiml.match(/<Parameter\b[^>]*\/?>/g) ?? []) {
    const name = attribute(tag, "name");
    if (name) parameters[name] = attribute(tag, "value") ?? "";
  }
  const after = twiml.split("</Connect>")[1] ?? "";
  return { url, parameters, fallback: after.replace(/<\/Response>\s*$/, "") };
}

export function saidTexts(twiml: string): string[] {
  return [...twiml.matchAll(/<Say\b[^>]*>([\s\S]*?)<\/Say>/g)].map((m) => decode(m[1]!));
}

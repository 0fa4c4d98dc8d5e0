// A minimal TwiML writer. Every attribute value and text node is escaped, so a caller's number,
// a business name or a token can never break out of the document.

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

export type TwimlNode = { verb: string; attributes?: Record<string, string | number | boolean | undefined>; children?: TwimlNode[]; text?: string };

function render(node: TwimlNode): string {
  const attributes = Object.entries(node.attributes ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
  const inner = (node.text !== undefined ? escapeXml(node.text) : "") + (node.children ?? []).map(render).join("");
  return inner ? `<${node.verb}${attributes}>${inner}</${node.verb}>` : `<${node.verb}${attributes}/>`;
}

export function twiml(...verbs: TwimlNode[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${verbs.map(render).join("")}</Response>`;
}

export const say = (text: string): TwimlNode => ({ verb: "Say", text });
export const hangup = (): TwimlNode => ({ verb: "Hangup" });

export function twimlResponse(body: string, status = 200): Response {
  return new Response(body, { status, headers: { "content-type": "text/xml; charset=utf-8" } });
}

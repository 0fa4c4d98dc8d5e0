// A minimal HTTP server in front of the Twilio webhook handlers (the same functions the Next.js
// routes call), so the call simulator can post to them over real HTTP without starting Next.js.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { handleRecordingCallback } from "../../../server/calls/recording-callback";
import { handleStatusCallback } from "../../../server/calls/status-callback";
import type { TwilioWebhookContext } from "../../../server/calls/twilio-webhook-request";
import { handleVoiceWebhook } from "../../../server/calls/voice-webhook";

const routes: Record<string, (ctx: TwilioWebhookContext, request: Request) => Promise<Response>> = {
  "/api/twilio/voice": handleVoiceWebhook,
  "/api/twilio/status": handleStatusCallback,
  "/api/twilio/recording": handleRecordingCallback,
};

export interface WebAdapter {
  url: string;
  close(): Promise<void>;
}

export async function startWebAdapter(context: () => TwilioWebhookContext): Promise<WebAdapter> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const url = `http://${req.headers.host}${req.url}`;
        const handler = routes[new URL(url).pathname];
        if (!handler || req.method !== "POST") {
          res.writeHead(404).end();
          return;
        }
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
        const response = await handler(context(), new Request(url, { method: "POST", headers, body: Buffer.concat(chunks) }));
        res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

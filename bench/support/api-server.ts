// The /api/v1 handlers served from a plain node:http server on 127.0.0.1 (an ephemeral port)
// inside the benchmark process: IncomingMessage → Request → dispatchApiV1 → Response. No
// Next.js, so the numbers are the API and the database, not the framework.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { dispatchApiV1 } from "../../server/api/v1/routes";
import type { Db } from "../../server/db";

export interface ApiServer {
  origin: string;
  close(): Promise<void>;
}

export async function startApiServer(db: Db): Promise<ApiServer> {
  const server = http.createServer((req, res) => {
    void serve(db, req, res);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(db: Db, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else if (value !== undefined) headers.set(name, value);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      duplex: "half",
    } as RequestInit);
    const response = await dispatchApiV1(db, request, { now: new Date() });
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { ...Object.fromEntries(response.headers), "content-length": String(body.byteLength) });
    res.end(body);
  } catch {
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("adapter failure");
  }
}

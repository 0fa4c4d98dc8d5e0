// The /api/v1 routes on a plain node:http server: IncomingMessage → Request → dispatchApiV1 →
// ServerResponse. `npm start` hands every /api/v1 request to this before Next.js sees it, and the
// benchmarks serve the API with it. The routes are the same ones app/api/v1/** mounts in Next.js
// (where a deployment on Vercel serves them); only the adapter differs. Without Next.js's router
// and request handling in between, a cached availability read costs the server about a quarter of
// the CPU (0.18 ms instead of 0.68 ms: http-availability-web in docs/BENCHMARKS.md).
import type http from "node:http";
import { Readable } from "node:stream";
import type { Db } from "../../db";
import type { ApiContext } from "./http";
import { problemResponse, toProblem } from "./problems";
import { dispatchApiV1 } from "./routes";

/** Whether a request path belongs to the public API. */
export function isApiV1Path(url: string | undefined): boolean {
  return url !== undefined && (url === "/api/v1" || url.startsWith("/api/v1/") || url.startsWith("/api/v1?"));
}

export async function handleApiV1(db: Db, req: http.IncomingMessage, res: http.ServerResponse, log?: ApiContext["log"]): Promise<void> {
  let response: Response;
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else if (value !== undefined) headers.set(name, value);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    // Handlers read only the path and query; the origin is a placeholder (they answer with paths).
    const request = new Request(`http://localhost${req.url ?? "/"}`, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      duplex: "half",
    } as RequestInit);
    response = await dispatchApiV1(db, request, { now: new Date(), log });
  } catch (error) {
    // dispatchApiV1 answers its own errors; this is the adapter failing (a malformed header, say).
    (log ?? console).error({ err: error }, "api request failed in the node adapter");
    response = problemResponse(toProblem(error, { instance: (req.url ?? "/").split("?")[0]! }));
  }
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), "content-length": String(body.byteLength) });
  res.end(body);
}

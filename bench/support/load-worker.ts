// Worker thread that sends a benchmark's requests (bench/support/load.ts), so the load generator
// has its own event loop and does not steal time from the server it measures. It speaks HTTP/1.1
// through undici's connection pool (one request at a time per connection, no pipelining): 0.07 ms
// of client CPU per request where node:http's client took 0.10 (measured against a trivial server
// in another process, 100 connections). On two shared cores, what the client does not use, the
// server under test gets.
import { parentPort, workerData } from "node:worker_threads";
import { Pool } from "undici";
import { closedLoop, type Reply } from "./http-client";
import type { LoadJob, LoadRequest, LoadResult } from "./load";

const job = workerData as LoadJob;
const origin = new URL(job.requests[0]!.url).origin;
const pool = new Pool(origin, { connections: job.connections, pipelining: 1, keepAliveTimeout: 30_000, headersTimeout: 60_000, bodyTimeout: 60_000 });

/** One request over the pool; the body is read only when the job keeps bodies. */
async function send(request: LoadRequest): Promise<Reply> {
  const url = new URL(request.url);
  const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
  const started = performance.now();
  const response = await pool.request({
    path: url.pathname + url.search,
    method: (request.method ?? "GET") as "GET",
    headers: { ...request.headers, ...(payload ? { "content-type": "application/json" } : {}) },
    body: payload,
  });
  const body = job.keepBodies ? await response.body.text() : (await response.body.dump(), "");
  return { status: response.statusCode, body, ms: performance.now() - started };
}

const warmup = job.warmup ?? 0;
if (warmup > 0) await closedLoop(warmup, job.connections, (i) => send(job.requests[i % job.requests.length]!));
const { replies, seconds } = await closedLoop(job.requests.length, job.connections, (i) => send(job.requests[i]!));
await pool.close();
const result: LoadResult = {
  seconds,
  replies: replies.map((r) => ({ status: r.status, ms: r.ms, body: job.keepBodies ? r.body : undefined })),
};
parentPort!.postMessage(result);

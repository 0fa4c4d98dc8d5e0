// Worker thread that sends a benchmark's requests (bench/support/load.ts), so the load generator
// has its own event loop and does not steal time from the server it measures. It speaks HTTP/1.1
// through undici's connection pool (one request at a time per connection, no pipelining): 0.07 ms
// of client CPU per request where node:http's client took 0.10 (measured against a trivial server
// in another process, 100 connections). On two shared cores, what the client does not use, the
// server under test gets.
import { parentPort, workerData } from "node:worker_threads";
import { Pool } from "undici";
import type { LoadJob, LoadRequest, LoadResult } from "./load";

const job = workerData as LoadJob;
const origin = new URL(job.requests[0]!.url).origin;
const pool = new Pool(origin, { connections: job.connections, pipelining: 1, keepAliveTimeout: 30_000, headersTimeout: 60_000, bodyTimeout: 60_000 });

interface Timed {
  status: number;
  ms: number;
  body?: string;
}

async function send(request: LoadRequest, keepBody: boolean): Promise<Timed> {
  const url = new URL(request.url);
  const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
  const started = performance.now();
  const response = await pool.request({
    path: url.pathname + url.search,
    method: (request.method ?? "GET") as "GET",
    headers: { ...request.headers, ...(payload ? { "content-type": "application/json" } : {}) },
    body: payload,
  });
  const body = keepBody ? await response.body.text() : (await response.body.dump(), undefined);
  return { status: response.statusCode, ms: performance.now() - started, body };
}

async function closedLoop(total: number, pick: (i: number) => LoadRequest, keepBodies: boolean) {
  const replies: Timed[] = new Array(total);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(job.connections, total) }, async () => {
      for (let i = next++; i < total; i = next++) replies[i] = await send(pick(i), keepBodies);
    }),
  );
  return { replies, seconds: (performance.now() - started) / 1000 };
}

const warmup = job.warmup ?? 0;
if (warmup > 0) await closedLoop(warmup, (i) => job.requests[i % job.requests.length]!, false);
const { replies, seconds } = await closedLoop(job.requests.length, (i) => job.requests[i]!, job.keepBodies ?? false);
await pool.close();
const result: LoadResult = { seconds, replies };
parentPort!.postMessage(result);

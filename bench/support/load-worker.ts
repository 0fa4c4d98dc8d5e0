// Worker thread that sends a benchmark's requests (bench/support/load.ts), so the load generator
// has its own event loop and does not steal time from the server it measures.
import { parentPort, workerData } from "node:worker_threads";
import { closedLoop, keepAliveAgent, send } from "./http-client";
import type { LoadJob, LoadResult } from "./load";

const job = workerData as LoadJob;
const agent = keepAliveAgent(job.connections);
const warmup = job.warmup ?? 0;
if (warmup > 0) await closedLoop(warmup, job.connections, (i) => send(agent, job.requests[i % job.requests.length]!.url, job.requests[i % job.requests.length]!));
const { replies, seconds } = await closedLoop(job.requests.length, job.connections, (i) => send(agent, job.requests[i]!.url, job.requests[i]!));
agent.destroy();
const result: LoadResult = {
  seconds,
  replies: replies.map((r) => ({ status: r.status, ms: r.ms, body: job.keepBodies ? r.body : undefined })),
};
parentPort!.postMessage(result);

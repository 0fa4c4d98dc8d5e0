// Runs a list of HTTP requests from a worker thread over `connections` keep-alive sockets
// (closed loop: each connection sends its next request when the previous one is answered).
import { Worker } from "node:worker_threads";

export interface LoadRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface LoadJob {
  requests: LoadRequest[];
  connections: number;
  /** Requests sent (round-robin from `requests`) before measuring. */
  warmup?: number;
  keepBodies?: boolean;
}

export interface LoadResult {
  seconds: number;
  replies: { status: number; ms: number; body?: string }[];
}

export function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-worker.ts", import.meta.url), { workerData: job });
    worker.once("message", (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

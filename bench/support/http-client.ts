// A small keep-alive HTTP client for the benchmarks (node:http with a bounded socket pool), and a
// closed-loop load runner: `concurrency` workers each send their next request as soon as the
// previous answer arrives, until `total` requests are done.
import http from "node:http";

export interface Reply {
  status: number;
  body: string;
  ms: number;
}

export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

export function send(
  agent: http.Agent,
  url: string,
  { method = "GET", body, headers = {} }: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: { ...headers, ...(payload ? { "content-type": "application/json", "content-length": String(payload.byteLength) } : {}) },
        timeout: 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("request timed out")));
    req.on("error", reject);
    req.end(payload);
  });
}

/** Runs `total` requests from `concurrency` workers; `makeRequest(i)` sends the i-th. */
export async function closedLoop(total: number, concurrency: number, makeRequest: (i: number) => Promise<Reply>) {
  const replies: Reply[] = new Array(total);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      for (let i = next++; i < total; i = next++) replies[i] = await makeRequest(i);
    }),
  );
  return { replies, seconds: (performance.now() - started) / 1000 };
}

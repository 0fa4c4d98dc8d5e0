// Child process of the voice benchmarks: runs N simulated real-time calls (the call simulator,
// the same code as `npm run call`) against a worker in the parent process, so the load generator
// has its own event loop and core. Prints one line "RESULT {json}" when every call has ended.
import { Histogram } from "../../voice-worker/src/metrics";
import { speechAudio } from "../../voice-worker/src/simulator/caller-voice";
import { simulateCall, type CallStep } from "../../voice-worker/src/simulator/call-simulator";

interface Job {
  webUrl: string;
  authToken: string;
  to: string;
  calls: number;
  rampMs: number;
  utterances: string[];
}

const job = JSON.parse(process.argv[2]!) as Job;
// Render each utterance once (espeak-ng) before the clock starts.
for (const text of job.utterances) await speechAudio(text);
const audio = new Map(await Promise.all(job.utterances.map(async (t) => [t, await speechAudio(t)] as const)));
const steps: CallStep[] = job.utterances.map((text) => ({ audio: audio.get(text)!, text }));

const cpuStart = process.cpuUsage();
const wallStart = performance.now();
const arrival = new Histogram(1000);
const response = new Histogram(10_000);
const greeting = new Histogram(10_000);
const failures: string[] = [];
let completed = 0;

await Promise.all(
  Array.from({ length: job.calls }, async (_, i) => {
    await new Promise((resolve) => setTimeout(resolve, (job.rampMs * i) / job.calls));
    try {
      const call = await simulateCall({
        webUrl: job.webUrl,
        authToken: job.authToken,
        to: job.to,
        from: `+1555${String(1_000_000 + i).slice(1)}`,
        steps,
        keepAudio: false,
        fetchSummary: false,
        agentQuietMs: 700,
        stepTimeoutMs: 20_000,
      });
      for (const v of call.arrivalJitterMs) arrival.record(v);
      for (const v of call.responseLatenciesMs) response.record(v);
      if (call.greetingLatencyMs !== null) greeting.record(call.greetingLatencyMs);
      const ok = call.errors.length === 0 && call.endedBy === "caller" && call.responseLatenciesMs.length === steps.length;
      if (ok) completed++;
      else failures.push(call.errors[0] ?? `ended by ${call.endedBy}, ${call.responseLatenciesMs.length} replies`);
    } catch (error) {
      failures.push(String(error));
    }
  }),
);

const p = (h: Histogram, q: number) => Math.round(h.percentile(q) * 10) / 10;
console.log(
  `RESULT ${JSON.stringify({
    completed,
    failures: failures.slice(0, 5),
    failureCount: failures.length,
    arrivalJitterP50Ms: p(arrival, 50),
    arrivalJitterP99Ms: p(arrival, 99),
    responseP50Ms: p(response, 50),
    responseP95Ms: p(response, 95),
    greetingP95Ms: p(greeting, 95),
    simulatorCores: (() => {
      const used = process.cpuUsage(cpuStart);
      return Math.round(((used.user + used.system) / 1000 / (performance.now() - wallStart)) * 100) / 100;
    })(),
  })}`,
);
process.exit(0);

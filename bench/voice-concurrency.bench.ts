// Concurrent real-time calls on one voice worker process. The call simulator (in a child process,
// with its own event loop) drives N calls at real time, 20 ms frames both ways, each caller saying
// two sentences and waiting for the replies; providers are doubles with realistic delays
// (speech-to-text 300 ms, LLM first token 400 ms, text-to-speech first byte 150 ms). N grows until
// a round breaks the target: outbound frame jitter p99 ≤ 20 ms (how late frames left the worker
// against their 20 ms slots) and no dropped call. Caller-side arrival jitter is reported too.
import os from "node:os";
import { round } from "./stats";
import { runLoad, startVoiceBench, UTTERANCES, type LoadRound } from "./support/voice-bench";
import type { Benchmark, BenchReport } from "./types";

const JITTER_TARGET_MS = 20;

const benchmark: Benchmark = {
  name: "voice-concurrency",
  async run({ quick }): Promise<BenchReport> {
    const bench = await startVoiceBench();
    const levels = quick ? [10] : [50, 100, 200, 300, 400, 500, 600, 800, 1000, 1200, 1500];
    const rounds: LoadRound[] = [];
    // These machines are shared: the load average says how much else was running.
    const load = () => round(os.loadavg()[0] ?? 0, 2);
    const loadBefore = load();
    try {
      for (const calls of levels) {
        // Quick (CI): one small round, one spoken turn per call.
        const result = await runLoad(bench, calls, Math.min(10_000, calls * 20), quick ? UTTERANCES.slice(0, 1) : UTTERANCES);
        rounds.push(result);
        const ok = result.dropped === 0 && result.sendJitterP99Ms <= JITTER_TARGET_MS;
        if (!ok) break;
      }
    } finally {
      await bench.close();
    }
    const passing = rounds.filter((r) => r.dropped === 0 && r.sendJitterP99Ms <= JITTER_TARGET_MS);
    const best = passing[passing.length - 1];
    const metrics: BenchReport["metrics"] = {
      database: bench.engine,
      largestPassingCalls: best?.calls ?? 0,
      loadAverageBefore: loadBefore,
      loadAverageAfter: load(),
    };
    for (const r of rounds) {
      const k = `n${r.calls}`;
      metrics[`${k}Dropped`] = r.dropped;
      metrics[`${k}SendJitterP50Ms`] = r.sendJitterP50Ms;
      metrics[`${k}SendJitterP99Ms`] = r.sendJitterP99Ms;
      metrics[`${k}ArrivalJitterP99Ms`] = r.arrivalJitterP99Ms;
      metrics[`${k}ResponseP50Ms`] = r.responseP50Ms;
      metrics[`${k}WorkerCores`] = r.workerCores;
      metrics[`${k}SimulatorCores`] = r.simulatorCores;
      if (r.failures.length) metrics[`${k}FirstFailure`] = r.failures[0]!;
    }
    const top = rounds[rounds.length - 1];
    if (top && top.workerCores > 0) metrics.estimatedCallsPerWorkerCore = round(top.calls / top.workerCores, 0);
    return {
      description: `N concurrent real-time calls (${quick ? "one spoken turn" : "two spoken turns"} each) on one worker, simulator in a child process, provider doubles (STT 300 ms, LLM 400 ms, TTS 150 ms), ${bench.engine}; rounds ${rounds.map((r) => r.calls).join(", ")}.`,
      metrics,
      target: "largest N with outbound frame jitter p99 ≤ 20 ms and no dropped call ≥ 500 on 2 cores",
      met: quick ? undefined : (best?.calls ?? 0) >= 500,
    };
  },
};

export default benchmark;

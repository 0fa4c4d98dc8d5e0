// Worker-added latency per turn at 200 concurrent calls: from the end-of-turn decision to the
// first reply frame sent to Twilio, minus the time spent waiting for providers (speech-to-text
// final, LLM until the first sentence, text-to-speech first byte). Providers are doubles with
// realistic delays; the calls come from the call simulator in a child process.
import { runLoad, startVoiceBench, UTTERANCES } from "./support/voice-bench";
import { DELAYS } from "./support/voice-doubles";
import type { Benchmark, BenchReport } from "./types";

const benchmark: Benchmark = {
  name: "voice-latency",
  async run({ quick }): Promise<BenchReport> {
    const bench = await startVoiceBench();
    const calls = quick ? 20 : 200;
    try {
      const r = await runLoad(bench, calls, quick ? 1000 : 6000, quick ? UTTERANCES.slice(0, 1) : UTTERANCES);
      return {
        description: `${calls} concurrent calls, ${quick ? "one spoken turn" : "two spoken turns"} each; providers: STT ${DELAYS.sttMs} ms, LLM first token ${DELAYS.llmFirstTokenMs} ms, TTS first byte ${DELAYS.ttsFirstByteMs} ms (doubles); ${bench.engine}.`,
        metrics: {
          calls,
          turns: r.turns,
          dropped: r.dropped,
          workerOverheadP50Ms: r.turnOverheadP50Ms,
          workerOverheadP95Ms: r.turnOverheadP95Ms,
          workerOverheadP99Ms: r.turnOverheadP99Ms,
          callerHeardReplyP50Ms: r.responseP50Ms,
          callerHeardReplyP95Ms: r.responseP95Ms,
          greetingP95Ms: r.greetingP95Ms,
          sendJitterP99Ms: r.sendJitterP99Ms,
        },
        target: "worker-added latency per turn p95 ≤ 25 ms at 200 concurrent calls",
        met: quick ? undefined : r.dropped === 0 && r.turnOverheadP95Ms <= 25,
      };
    } finally {
      await bench.close();
    }
  },
};

export default benchmark;

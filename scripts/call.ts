// `npm run call -- --to <number> --say "…" [--say "…"] [--dtmf 1] [--wav file] [--url http://127.0.0.1:3000] [--out agent.wav]`
// The call simulator: plays Twilio's side of a phone call against the running app (`npm start`).
// It signs and posts the voice webhook, opens the Media Streams socket, speaks real μ-law audio
// (espeak-ng, or a WAV file) at real time, presses keys, plays the agent's audio out as Twilio
// would (echoing marks, honouring `clear`), saves what the caller heard, and prints the call's
// transcript, outcome and latency. Steps run in the order given; each waits for the agent to
// finish speaking unless preceded by --barge (act 0.8 s into the agent's reply instead).
//
// Other options: --from <number> (caller ID, default +15555550123), --wait <ms>, --hangup,
// --stay (after the steps, wait for the agent to end the call), --text "…" (the words of the
// preceding --wav, for the speech-to-text test double), --auth-token, --public-url.
// The webhook is signed with TWILIO_AUTH_TOKEN when set, else with the development token that
// `npm start` keeps in DATA_DIR/twilio-dev-auth-token.
import { writeFile } from "node:fs/promises";
import { z } from "zod";
import { ConfigError, parseEnv } from "../server/config-schema";
import { developmentAuthToken } from "../server/calls/webhook-auth-token";
import { mulawToWav } from "../voice-worker/src/media-stream/wav";
import { simulateCall, type CallStep, type SimulatedCall } from "../voice-worker/src/simulator/call-simulator";

const envSchema = z.object({
  TWILIO_AUTH_TOKEN: z.string().trim().optional().transform((v) => v || undefined),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.string().trim().optional().transform((v) => v || undefined),
});

const USAGE = `usage: npm run call -- --to <number> [--say "text"]… [--dtmf 123]… [--wav file [--text "…"]]… [--barge] [--wait ms] [--hangup]
                        [--from <caller id>] [--url http://127.0.0.1:3000] [--out agent.wav] [--stay] [--auth-token token]`;

interface Cli {
  to?: string;
  from?: string;
  url?: string;
  out?: string;
  authToken?: string;
  publicUrl?: string;
  stay: boolean;
  steps: CallStep[];
}

function parseArgs(argv: string[]): Cli {
  const cli: Cli = { stay: false, steps: [] };
  let early = false;
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    switch (flag) {
      case "--to": cli.to = value(i++, flag); break;
      case "--from": cli.from = value(i++, flag); break;
      case "--url": cli.url = value(i++, flag); break;
      case "--out": cli.out = value(i++, flag); break;
      case "--auth-token": cli.authToken = value(i++, flag); break;
      case "--public-url": cli.publicUrl = value(i++, flag); break;
      case "--stay": cli.stay = true; break;
      case "--barge": early = true; break;
      case "--say": cli.steps.push({ say: value(i++, flag), early }); early = false; break;
      case "--dtmf": cli.steps.push({ dtmf: value(i++, flag), early }); early = false; break;
      case "--wav": cli.steps.push({ wav: value(i++, flag), early }); early = false; break;
      case "--text": {
        const last = cli.steps[cli.steps.length - 1];
        if (!last || !("wav" in last)) throw new Error("--text describes the --wav just before it");
        last.text = value(i++, flag);
        break;
      }
      case "--wait": cli.steps.push({ wait: Number(value(i++, flag)) }); break;
      case "--hangup": cli.steps.push({ hangup: true, early }); early = false; break;
      case "--help": case "-h": console.log(USAGE); process.exit(0); break;
      default: throw new Error(`unknown option ${flag}`);
    }
  }
  return cli;
}

function print(call: SimulatedCall) {
  const lines: string[] = [""];
  if (call.rejectedWith) {
    lines.push(`The webhook answered ${call.webhookStatus} and connected no stream. The caller hears:`, ...call.rejectedWith.map((s) => `  "${s}"`));
    console.log(lines.join("\n"));
    return;
  }
  const summary = call.summary;
  lines.push("Transcript:");
  for (const turn of summary?.transcript ?? []) {
    const flag = turn.interrupted ? ` [interrupted; heard about: "${turn.heardEstimate ?? ""}"]` : "";
    lines.push(`  ${turn.speaker.padEnd(6)} ${turn.text}${flag}`);
  }
  lines.push("", `Outcome:  ${summary?.outcome ?? "unknown"}${summary?.summary ? ` (${summary.summary})` : ""}`);
  if (call.simulatedAction?.startsWith("simulated-transfer")) {
    lines.push(`TRANSFER (SIMULATED, no Twilio credentials): Twilio would now connect the caller to ${call.simulatedAction.split(" ")[1]}.`);
  }
  if (call.endedBy === "abnormal") {
    lines.push(`The stream ended abnormally (${call.closeCode} ${call.closeReason}); Twilio would now run the fallback TwiML:`, ...call.fallbackSaid.map((s) => `  "${s}" + <Record>`));
  }
  // One column holds either a left message's audio or, with recording on, the whole call's.
  if (summary?.messageText || (summary?.recordingUrl && summary.outcome === "message")) {
    lines.push(`Message:  ${summary.messageText ?? "(audio)"}${summary.recordingUrl ? `  ${summary.recordingUrl}` : ""}`);
  } else if (summary?.recordingUrl) lines.push(`Recording: ${summary.recordingUrl}`);
  lines.push(`Ended by: ${call.endedBy}${call.simulatedAction ? ` (${call.simulatedAction})` : ""}; ${summary?.durationSeconds ?? "?"} s; estimated cost $${((summary?.estimatedCostMicros ?? 0) / 1e6).toFixed(4)}`);
  lines.push(`Audio:    ${call.framesReceived} frames received, ${call.marksEchoed} marks echoed, ${call.clearsReceived} clears; greeting after ${call.greetingLatencyMs?.toFixed(0) ?? "?"} ms`);
  if (summary?.latency.length) {
    lines.push("", "Latency per turn (ms):  input     endpoint  stt   llm-1st  tts-1st  worker  total");
    for (const l of summary.latency) {
      lines.push(`  turn ${String(l.turn).padEnd(17)}${l.input.padEnd(10)}${String(l.endpointingMs).padEnd(10)}${String(l.sttFinalMs).padEnd(6)}${String(l.llmFirstSentenceMs).padEnd(9)}${String(l.ttsFirstByteMs).padEnd(9)}${String(l.workerOverheadMs).padEnd(8)}${l.totalMs}`);
    }
  }
  if (call.errors.length) lines.push("", "Problems:", ...call.errors.map((e) => `  ${e}`));
  console.log(lines.join("\n"));
}

async function main() {
  let cli: Cli;
  let env: z.infer<typeof envSchema>;
  try {
    cli = parseArgs(process.argv.slice(2));
    env = parseEnv(envSchema, process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error(USAGE);
    process.exit(2);
  }
  if (!cli.to) {
    console.error(USAGE);
    process.exit(2);
  }
  const authToken = cli.authToken ?? env.TWILIO_AUTH_TOKEN ?? developmentAuthToken(env.DATA_DIR);
  const call = await simulateCall({
    webUrl: cli.url ?? `http://127.0.0.1:${env.PORT}`,
    publicUrl: cli.publicUrl ?? env.PUBLIC_URL,
    to: cli.to,
    from: cli.from,
    authToken,
    steps: cli.steps,
    stayOnLine: cli.stay,
    log: (line) => console.log(`[${new Date().toISOString().slice(11, 23)}] ${line}`),
  });
  print(call);
  if (cli.out) {
    await writeFile(cli.out, mulawToWav(call.agentAudio));
    console.log(`\nSaved what the caller heard to ${cli.out} (${(call.agentAudio.length / 8000).toFixed(1)} s).`);
  }
  process.exit(call.errors.length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

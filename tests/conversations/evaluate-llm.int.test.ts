// `npm run eval:llm`'s plumbing, against a PROTOCOL DOUBLE of OpenAI's /v1/chat/completions
// (tests/helpers/openai-chat-double.ts: loopback SSE, no network, no key, no model). The double
// plays a scripted receptionist for one scenario; the real engine, tools, database and judge do
// the rest. An honest script passes; one that says "booked" without calling the tool is failed.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { callTools, type ChatScript, lastUserText, say, startChatDouble, toolResults } from "../helpers/openai-chat-double";
import { engines, useTestDatabase } from "../helpers/test-database";
import { evaluateLlm, reportLines } from "./evaluate-llm";
import { loadScenarios } from "./scenario";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const scenario = loadScenarios().find((s) => s.name === "book absolute date")!;

/** A scripted receptionist for "book absolute date" (blow-dry on December 3rd at 10, "Uma", "yes"). */
function receptionist({ callsTheBookingTool }: { callsTheBookingTool: boolean }): ChatScript {
  return (request) => {
    const heard = lastUserText(request);
    const waitingForTool = request.body.messages.at(-1)!.role === "user";
    if (/blow-dry/i.test(heard)) {
      return waitingForTool
        ? callTools([{ id: "call_check", name: "check_availability", args: { service: "Blow-dry", date: "2026-12-03", time: "10:00" } }])
        : say("Thursday, December 3 at 10 AM is open for a blow-dry. ", "May I have your name?");
    }
    if (heard === "Uma") return say("Thanks, Uma. A blow-dry on Thursday, December 3 at 10 AM. ", "Shall I book it?");
    if (heard === "yes" && waitingForTool && callsTheBookingTool) {
      const slotId = (toolResults(request, "check_availability")[0]?.exactMatch as { slotId: string }).slotId;
      return callTools([{ id: "call_book", name: "book_appointment", args: { slotId, customerName: "Uma" } }]);
    }
    return say("You're booked for Thursday, December 3 at 10 AM. See you then!");
  };
}

async function doubleFor(script: ChatScript) {
  const double = await startChatDouble(script);
  closers.push(double.close);
  return double;
}

describe.each(engines)("the LLM evaluation on %s (protocol double)", (dbEngine) => {
  const database = useTestDatabase(dbEngine);

  it("passes a scenario the model handles correctly, and counts its tokens", async () => {
    const double = await doubleFor(receptionist({ callsTheBookingTool: true }));
    const evaluation = await evaluateLlm({ apiKey: "sk-test", baseURL: double.baseURL, model: "gpt-test", maxRetries: 0 }, { db: database().prisma, scenarios: [scenario] });
    expect(evaluation.results[0]!.reasons).toEqual([]);
    expect(evaluation).toMatchObject({ passed: 1, total: 1, rate: 1, errors: { turns: 0 } });
    // Five requests: check + offer, read-back, book + confirmation; 100 in / 20 out each.
    expect(evaluation.usage).toEqual({ inputTokens: 500, outputTokens: 100 });
    expect(reportLines(evaluation)).toContain("LLM engine (gpt-test): 1/1 scenarios passed (100%)");
  });

  it("fails a model that says booked without calling the tool, and reports why", async () => {
    const double = await doubleFor(receptionist({ callsTheBookingTool: false }));
    const evaluation = await evaluateLlm({ apiKey: "sk-test", baseURL: double.baseURL, model: "gpt-test", maxRetries: 0 }, { db: database().prisma, scenarios: [scenario] });
    expect(evaluation).toMatchObject({ passed: 0, total: 1, rate: 0 });
    const reasons = evaluation.results[0]!.reasons;
    expect(reasons).toContain('claimed booked without its row: "You\'re booked for Thursday, December 3 at 10 AM. See you then!"');
    expect(reasons.some((r) => r.startsWith("no appointment like"))).toBe(true);
    const report = reportLines(evaluation);
    expect(report).toContain("FAILED: book absolute date");
    expect(report).toContain('  - claimed booked without its row: "You\'re booked for Thursday, December 3 at 10 AM. See you then!"');
    expect(report).toContain("LLM engine (gpt-test): 0/1 scenarios passed (0%)");
  });
});

const run = promisify(execFile);
async function evalLlm(args: string[], env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await run(path.resolve("node_modules/.bin/tsx"), ["scripts/eval-llm.ts", ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run eval:llm", { timeout: 120_000 }, () => {
  const baseEnv = () => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent" };
    delete env.OPENAI_API_KEY;
    delete env.OPENAI_BASE_URL;
    return env;
  };

  it("says the key is needed, and exits 2, without OPENAI_API_KEY", async () => {
    const { code, stdout, stderr } = await evalLlm([], baseEnv());
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim()).toMatch(/^npm run eval:llm needs OPENAI_API_KEY: it evaluates the LLM engine\. Set OPENAI_API_KEY/);
  });

  it("runs the chosen scenarios on the configured server and prints the success rate", async () => {
    const double = await doubleFor(receptionist({ callsTheBookingTool: true }));
    const env = { ...baseEnv(), OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: double.baseURL, OPENAI_MODEL: "gpt-test" };
    const { code, stdout, stderr } = await evalLlm(["--only", "book-absolute-date"], env);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("pass  book absolute date");
    expect(stdout).toContain("LLM engine (gpt-test): 1/1 scenarios passed (100%)");
    expect(double.requests.every((r) => r.authorization === "Bearer sk-test" && r.body.model === "gpt-test")).toBe(true);
  });
});

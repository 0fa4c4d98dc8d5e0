// The `npm run converse` contract (docs/CONVERSE.md), run as a real process on an embedded
// database in a temporary DATA_DIR: JSON lines out, exit code 2 for bad arguments; with
// OPENAI_API_KEY it talks to the LLM engine (here a PROTOCOL DOUBLE of /v1/chat/completions).
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { say, startChatDouble } from "../helpers/openai-chat-double";

const dataDir = mkdtempSync(path.join(tmpdir(), "converse-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function converse(args: string[], stdin = "") {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  delete env.DATABASE_URL;
  delete env.OPENAI_API_KEY;
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/converse.ts", ...args], { input: stdin, env, encoding: "utf8", timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const demo = ["--business", "bloom-hair-studio", "--from", "+15551230000", "--now", "2026-11-24T14:00:00Z", "--script", "-"];

// Each run is a fresh process that opens and migrates an embedded database: seconds, not milliseconds.
describe("npm run converse", { timeout: 120_000 }, () => {
  it("prints the greeting, one line per utterance and the caller's appointments", () => {
    const { code, stdout, stderr } = converse(demo, JSON.stringify(["hi, I need a men's haircut tomorrow at 3", "Sam", "yes"]));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toEqual({ caller: null, agent: expect.stringContaining("Bloom Hair Studio"), tools: [] });
    expect(lines[1]).toMatchObject({ caller: "hi, I need a men's haircut tomorrow at 3", tools: [{ name: "check_availability", ok: true }] });
    expect(lines[3]).toMatchObject({ caller: "yes", agent: expect.stringMatching(/^You're booked/), tools: [{ name: "book_appointment", ok: true }] });
    expect(lines[4]).toEqual({
      appointments: [
        expect.objectContaining({ status: "booked", service: "Men's haircut", staff: "Maya Chen", start: "2026-11-25T15:00", startsAt: "2026-11-25T20:00:00.000Z", timezone: "America/New_York" }),
      ],
    });
  });

  it.each<[string[], string, RegExp]>([
    [["--business", "bloom-hair-studio", "--script", "-"], "[]", /^Missing --from/],
    [[...demo.slice(0, 4), "--now", "2026-11-24T09:00", "--script", "-"], "[]", /^--now must be an ISO 8601 instant/],
    [demo, "not json", /is not valid JSON/],
    [["--business", "no-such-salon", "--from", "+15551230000", "--script", "-"], "[]", /^No business with the slug "no-such-salon"/],
  ])("refuses %j with one line and exit code 2", (args, stdin, message) => {
    const { code, stdout, stderr } = converse(args, stdin);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
  });
});

describe("npm run converse with OPENAI_API_KEY", { timeout: 120_000 }, () => {
  it("answers through the LLM engine at OPENAI_BASE_URL, as every channel does", async () => {
    const double = await startChatDouble([say("Hello from the model. ", "What can I do for you?")]);
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent", OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: double.baseURL, OPENAI_MODEL: "gpt-test" };
      delete env.DATABASE_URL;
      const child = promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["scripts/converse.ts", ...demo], { env, timeout: 120_000 });
      child.child.stdin!.end(JSON.stringify(["hi there"]));
      const { stdout, stderr } = await child;
      expect(stderr).toBe("");
      const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines[1]).toEqual({ caller: "hi there", agent: "Hello from the model. What can I do for you?", tools: [] });
      expect(double.requests).toHaveLength(1);
      expect(double.requests[0]!.body.model).toBe("gpt-test");
    } finally {
      await double.close();
    }
  });
});

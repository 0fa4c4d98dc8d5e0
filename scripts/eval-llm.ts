// `npm run eval:llm [-- --only <text>] [-- --min-rate <0..1>]`
// Runs the conversation scenarios (tests/conversations/scenarios/) on the LLM engine, with
// OPENAI_API_KEY, OPENAI_BASE_URL and OPENAI_MODEL as configured, and prints a line per scenario,
// each failure with its reasons and transcript, and the success rate. It always uses a private
// in-memory database (the demo salon), so it never changes real data. See docs/CONVERSE.md.
// Exit codes: 0 done (1 if --min-rate is given and not reached), 2 no key or bad arguments, 1 a crash.
import { parseArgs } from "node:util";
import { z } from "zod";
import { UsageError } from "../server/agent/cli/converse-args";
import { parseEnv, sharedEnvShape } from "../server/config-schema";
import { openDatabase, type Database } from "../server/db";
import { migrateDatabase } from "../server/migrations";
import { evaluateLlm, progressLine, reportLines } from "../tests/conversations/evaluate-llm";
import { loadScenarios } from "../tests/conversations/scenario";

async function main(): Promise<number> {
  let values: { only?: string; "min-rate"?: string };
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), options: { only: { type: "string" }, "min-rate": { type: "string" } } }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}. Usage: npm run eval:llm -- [--only <text>] [--min-rate <0..1>]`);
  }
  const minRate = values["min-rate"] === undefined ? undefined : Number(values["min-rate"]);
  if (minRate !== undefined && !(minRate >= 0 && minRate <= 1)) throw new UsageError("--min-rate must be a number from 0 to 1, e.g. 0.9.");

  const config = parseEnv(z.object(sharedEnvShape), process.env);
  if (!config.OPENAI_API_KEY) {
    throw new UsageError(
      "npm run eval:llm needs OPENAI_API_KEY: it evaluates the LLM engine. Set OPENAI_API_KEY (and OPENAI_BASE_URL for an OpenAI-compatible server, OPENAI_MODEL for another model) and run it again. The built-in engine's evaluation needs no key: npx vitest run tests/conversations/conversations.int.test.ts",
    );
  }
  const only = values.only?.toLowerCase();
  const scenarios = loadScenarios().filter((s) => !only || s.name.toLowerCase().includes(only) || s.file.toLowerCase().includes(only));
  if (scenarios.length === 0) throw new UsageError(`No scenario matches --only "${values.only}".`);

  let database: Database | undefined;
  try {
    database = await openDatabase({ kind: "pglite", dataDir: null });
    await migrateDatabase(database);
    console.log(`Evaluating ${config.OPENAI_MODEL}${config.OPENAI_BASE_URL ? ` at ${new URL(config.OPENAI_BASE_URL).host}` : ""} on ${scenarios.length} scenarios…`);
    const evaluation = await evaluateLlm(
      { apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, requestTimeoutMs: 30_000, maxRetries: 2 },
      { db: database.prisma, scenarios, onResult: (result) => console.log(progressLine(result)) },
    );
    for (const line of reportLines(evaluation)) console.log(line);
    return minRate !== undefined && evaluation.rate < minRate ? 1 : 0;
  } finally {
    await database?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);

// `npm run converse -- --business <slug> --from <phone> --script <file.json | -> [--now <ISO>] [--channel …]`
// Runs a scripted conversation through the agent against the configured database (DATABASE_URL,
// or the embedded database in DATA_DIR, as the app does) and prints JSON lines: the greeting
// (caller null), one line per caller utterance, then {"appointments": [...]}. Contract:
// docs/CONVERSE.md. Exit codes: 0 done, 2 bad arguments or unknown business, 1 anything else.
import { readFile } from "node:fs/promises";
import pino from "pino";
import { z } from "zod";
import { DEMO, seedDemo } from "../prisma/seed";
import { parseConverseArgs, parseScript, UsageError } from "../server/agent/cli/converse-args";
import { callerAppointments, runConversation } from "../server/agent/cli/run-conversation";
import { selectAgentEngine } from "../server/agent/engines/select-engine";
import { parseEnv, sharedEnvShape } from "../server/config-schema";
import { openDatabase, targetFromConfig, type Database } from "../server/db";
import { migrateDatabase } from "../server/migrations";

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function main(): Promise<number> {
  const args = parseConverseArgs(process.argv.slice(2));
  let scriptText: string;
  try {
    scriptText = args.script === "-" ? await readStdin() : await readFile(args.script, "utf8");
  } catch {
    throw new UsageError(`Cannot read the script ${args.script}.`);
  }
  const utterances = parseScript(scriptText, args.script === "-" ? "on stdin" : args.script);

  const config = parseEnv(z.object(sharedEnvShape), process.env);
  // Logs go to stderr: stdout carries only the JSON lines.
  const log = pino({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, name: "converse" }, pino.destination(2));
  let database: Database | undefined;
  try {
    database = await openDatabase(targetFromConfig(config));
    await migrateDatabase(database);
    const db = database.prisma;
    if (args.business === DEMO.slug) await seedDemo(db);
    const business = await db.business.findUnique({ where: { slug: args.business }, select: { id: true } });
    if (!business) throw new UsageError(`No business with the slug "${args.business}" in this database.`);

    // The same engine every channel gets: the LLM with OPENAI_API_KEY, the built-in one without.
    const { engine } = selectAgentEngine(config, log);
    const pinned = args.now;
    const now = () => (pinned ? new Date(pinned) : new Date());
    await runConversation(
      { db, businessId: business.id, callerPhone: args.from, channel: args.channel, now, engine, utterances },
      ({ caller, agent, tools, end, transfer, message }) => {
        print({ caller, agent, tools, ...(end ? { end } : {}), ...(transfer ? { transfer } : {}), ...(message ? { message } : {}) });
      },
    );
    print({ appointments: await callerAppointments(db, { businessId: business.id, callerPhone: args.from }) });
    return 0;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    log.error({ err: error }, "converse failed");
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
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

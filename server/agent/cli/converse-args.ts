/**
 * Arguments of `npm run converse` (scripts/converse.ts), checked before anything is opened: a bad
 * argument is one clear line and exit code 2. See docs/CONVERSE.md for the contract.
 */
import { z } from "zod";
import type { AgentChannel } from "../types";

export interface ConverseArgs {
  business: string;
  from: string;
  script: string;
  now?: Date;
  channel: AgentChannel;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE = "usage: npm run converse -- --business <slug> --from <+E164 phone> --script <file.json | -> [--now <ISO 8601 instant>] [--channel phone|sms|console]";

const FLAGS = new Set(["--business", "--from", "--script", "--now", "--channel"]);

export function parseConverseArgs(argv: readonly string[]): ConverseArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const [flag, inline] = raw.includes("=") ? [raw.slice(0, raw.indexOf("=")), raw.slice(raw.indexOf("=") + 1)] : [raw, undefined];
    if (!FLAGS.has(flag)) throw new UsageError(`Unknown argument ${raw}. ${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && FLAGS.has(value))) throw new UsageError(`${flag} needs a value. ${USAGE}`);
    if (values.has(flag)) throw new UsageError(`${flag} is given twice.`);
    values.set(flag, value);
  }
  for (const required of ["--business", "--from", "--script"]) {
    if (!values.get(required)) throw new UsageError(`Missing ${required}. ${USAGE}`);
  }
  const from = values.get("--from")!;
  if (!/^\+[1-9]\d{6,14}$/.test(from)) throw new UsageError(`--from must be a phone number in international format, e.g. +15551230000 (got ${from}).`);
  const channel = values.get("--channel") ?? "console";
  if (channel !== "phone" && channel !== "sms" && channel !== "console") throw new UsageError(`--channel must be phone, sms or console (got ${channel}).`);
  const nowText = values.get("--now");
  let now: Date | undefined;
  if (nowText !== undefined) {
    // An instant, not a wall time: without a zone "09:00" would mean the machine's zone.
    if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(nowText) || Number.isNaN(Date.parse(nowText))) {
      throw new UsageError(`--now must be an ISO 8601 instant with a zone, e.g. 2026-11-24T14:00:00Z (got ${nowText}).`);
    }
    now = new Date(nowText);
  }
  return { business: values.get("--business")!, from, script: values.get("--script")!, channel, ...(now ? { now } : {}) };
}

/** The script: a JSON array of caller utterances (strings). */
export function parseScript(text: string, source: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`The script ${source} is not valid JSON: expected an array of strings like ["hi", "a haircut tomorrow at 3"].`);
  }
  const parsed = z.array(z.string()).safeParse(value);
  if (!parsed.success) throw new UsageError(`The script ${source} must be a JSON array of strings (caller utterances).`);
  return parsed.data;
}

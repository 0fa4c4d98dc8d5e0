// The evaluation scenarios' file format (tests/conversations/scenarios/*.json) and its loader.
// Local times ("2026-11-25T15:00") are wall times in the demo salon's zone, America/New_York.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "local times look like 2026-11-25T15:00");
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const block = z.object({
  /** Staff member's name as seeded ("Leo Alvarez"). */
  staff: z.string(),
  from: localDateTime,
  to: localDateTime,
});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  language: z.enum(["en", "es"]),
  /** The clock for the whole conversation, an ISO instant. */
  now: z.iso.datetime({ offset: true }),
  channel: z.enum(["phone", "sms", "console"]).default("phone"),
  caller: z.strictObject({
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/),
    /** A returning customer: created with this name before the call. */
    name: z.string().optional(),
  }),
  /** The caller's own appointments before the call. */
  existing: z.array(z.strictObject({ service: z.string(), staff: z.string(), start: localDateTime })).default([]),
  /** Time other customers have taken (whole days can be filled this way). */
  blocks: z.array(block).default([]),
  /** Other customers taking time during the call, after the given number of caller utterances. */
  between: z.array(z.strictObject({ afterUtterance: z.number().int().min(1), blocks: z.array(block) })).default([]),
  utterances: z.array(z.string()).min(1),
  expect: z.strictObject({
    /** Exactly the caller's appointments after the call (any order; cancelled ones too). */
    appointments: z.array(
      z.strictObject({
        status: z.enum(["booked", "cancelled", "held", "completed", "no_show"]).optional(),
        service: z.string().optional(),
        staff: z.string().optional(),
        start: localDateTime.optional(),
      }),
    ),
    /** Exactly the caller's waitlist entries after the call. */
    waitlist: z.array(z.strictObject({ service: z.string(), date: localDate })).default([]),
    /** The name on the caller's customer record after the call. */
    customerName: z.string().optional(),
    toolsCalled: z.array(z.string()).default([]),
    toolsNotCalled: z.array(z.string()).default([]),
    end: z.boolean().optional(),
    transfer: z.boolean().optional(),
    /** A message was taken (and stored as an AuditLog row). */
    message: z.boolean().optional(),
    /** Regular expressions (case-insensitive) some agent reply must match. */
    repliesMatch: z.array(z.string()).default([]),
    /** Regular expressions no agent reply may match. */
    repliesNeverMatch: z.array(z.string()).default([]),
  }),
});

export type Scenario = z.infer<typeof scenarioSchema>;

export const SCENARIO_DIR = path.join(import.meta.dirname, "scenarios");

export function loadScenarios(dir: string = SCENARIO_DIR): Array<Scenario & { file: string }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const parsed = scenarioSchema.safeParse(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
      if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
      return { ...parsed.data, file };
    });
}

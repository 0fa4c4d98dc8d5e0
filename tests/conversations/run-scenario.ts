// Runs one evaluation scenario through a real agent engine on a real database and judges it:
// runScenario(engine, scenario, world) → { pass, reasons }. Used by conversations.int.test.ts
// (built-in engine) and meant for `npm run eval:llm` (the LLM engine, same scenarios).
//
// Scenarios share one database: each creates its own customers (the caller's phone and a blocker
// number derived from it) and removes every row it created afterwards, so the next one starts on
// the bare demo salon. Run them one at a time.
import { seedDemo } from "../../prisma/seed";
import { callerAppointments, runConversation, type TurnLine } from "../../server/agent/cli/run-conversation";
import type { AgentEngine } from "../../server/agent/types";
import type { Db } from "../../server/db";
import { localDateTimeToInstant, localDateTimeOf } from "../../server/time/local-calendar";
import { checkScenario } from "./check-scenario";
import type { Scenario } from "./scenario";

export interface World {
  db: Db;
  businessId: string;
  timezone: string;
}

export interface ScenarioResult {
  name: string;
  pass: boolean;
  reasons: string[];
  lines: TurnLine[];
}

/** FAQ entries the evaluation adds to the demo salon (the seed has none). */
export const EVAL_FAQ = [
  { question: "Is there parking nearby?", answer: "Yes, there's free parking behind the salon.", keywords: ["park", "aparcamiento", "estacionamiento", "aparcar"] },
  { question: "Do you take walk-ins?", answer: "We do when a chair is free, but booking ahead is best." },
  { question: "Do you sell gift cards?", answer: "Yes, gift cards are available in any amount at the front desk." },
];

/** The demo salon, seeded if needed, with the evaluation FAQ. */
export async function prepareWorld(db: Db): Promise<World> {
  const { businessId } = await seedDemo(db);
  const business = await db.business.findUniqueOrThrow({ where: { id: businessId }, select: { settings: true, timezone: true } });
  const settings = (business.settings ?? {}) as Record<string, unknown>;
  await db.business.update({ where: { id: businessId }, data: { settings: { ...settings, faq: EVAL_FAQ } } });
  return { db, businessId, timezone: business.timezone };
}

export async function runScenario(engine: AgentEngine, scenario: Scenario, world: World): Promise<ScenarioResult> {
  const blockerPhone = `+1999${scenario.caller.phone.slice(-7)}`;
  try {
    const existingIds = await arrange(world, scenario, blockerPhone);
    const clock = new Date(scenario.now);
    let count = 0;
    const { lines } = await runConversation(
      {
        db: world.db, businessId: world.businessId, callerPhone: scenario.caller.phone, channel: scenario.channel,
        now: () => clock, engine, utterances: scenario.utterances,
      },
      async (line) => {
        if (line.caller === null) return;
        count += 1;
        for (const event of scenario.between) if (event.afterUtterance === count) await insertBlocks(world, event.blocks, blockerPhone);
      },
    );
    const appointments = await callerAppointments(world.db, { businessId: world.businessId, callerPhone: scenario.caller.phone });
    const reasons = await checkScenario(world, scenario, { lines, appointments, existingIds });
    return { name: scenario.name, pass: reasons.length === 0, reasons, lines };
  } catch (error) {
    return { name: scenario.name, pass: false, reasons: [`crashed: ${error instanceof Error ? error.stack : String(error)}`], lines: [] };
  } finally {
    await cleanUp(world, [scenario.caller.phone, blockerPhone]);
  }
}

/**
 * Every scenario through one engine, one at a time: the pass rate `npm run eval:llm` prints.
 * `onResult` sees each result as it comes (for progress output).
 */
export async function evaluateScenarios(
  engine: AgentEngine,
  scenarios: readonly Scenario[],
  world: World,
  onResult: (result: ScenarioResult) => void = () => {},
): Promise<{ passed: number; total: number; rate: number; results: ScenarioResult[] }> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const result = await runScenario(engine, scenario, world);
    results.push(result);
    onResult(result);
  }
  const passed = results.filter((r) => r.pass).length;
  return { passed, total: results.length, rate: results.length === 0 ? 0 : passed / results.length, results };
}

/** The caller (a returning customer if named), their appointments, and other people's blocks. */
async function arrange(world: World, scenario: Scenario, blockerPhone: string): Promise<string[]> {
  const { db, businessId } = world;
  const ids: string[] = [];
  if (scenario.caller.name || scenario.existing.length > 0) {
    await db.customer.create({ data: { businessId, phone: scenario.caller.phone, name: scenario.caller.name ?? null } });
  }
  for (const a of scenario.existing) {
    const service = await db.service.findFirstOrThrow({ where: { businessId, name: a.service }, select: { id: true, durationMinutes: true, bufferBeforeMinutes: true, bufferAfterMinutes: true } });
    const start = instant(world, a.start);
    const end = start + service.durationMinutes * 60_000;
    const row = await db.appointment.create({
      data: {
        businessId, serviceId: service.id, staffId: await staffId(world, a.staff),
        customerId: (await db.customer.findUniqueOrThrow({ where: { businessId_phone: { businessId, phone: scenario.caller.phone } } })).id,
        startsAt: new Date(start), endsAt: new Date(end),
        blockedFrom: new Date(start - service.bufferBeforeMinutes * 60_000), blockedUntil: new Date(end + service.bufferAfterMinutes * 60_000),
        status: "booked", channel: "dashboard",
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  await insertBlocks(world, scenario.blocks, blockerPhone);
  return ids;
}

/** Other customers' appointments covering [from, to) for a staff member. */
export async function insertBlocks(world: World, blocks: Scenario["blocks"], blockerPhone: string): Promise<void> {
  if (blocks.length === 0) return;
  const { db, businessId } = world;
  await db.customer.createMany({ data: [{ businessId, phone: blockerPhone, name: "Another Customer" }], skipDuplicates: true });
  const customer = await db.customer.findUniqueOrThrow({ where: { businessId_phone: { businessId, phone: blockerPhone } }, select: { id: true } });
  for (const b of blocks) {
    const member = await staffId(world, b.staff);
    const service = await db.staffService.findFirstOrThrow({ where: { businessId, staffId: member }, select: { serviceId: true } });
    const from = new Date(instant(world, b.from));
    const to = new Date(instant(world, b.to));
    await db.appointment.create({
      data: {
        businessId, serviceId: service.serviceId, staffId: member, customerId: customer.id,
        startsAt: from, endsAt: to, blockedFrom: from, blockedUntil: to, status: "booked", channel: "dashboard",
      },
    });
  }
}

async function cleanUp(world: World, phones: string[]): Promise<void> {
  const { db, businessId } = world;
  const customers = await db.customer.findMany({ where: { businessId, phone: { in: phones } }, select: { id: true } });
  const ids = customers.map((c) => c.id);
  await db.waitlistEntry.deleteMany({ where: { businessId, customerId: { in: ids } } });
  await db.appointment.deleteMany({ where: { businessId, customerId: { in: ids } } });
  await db.customer.deleteMany({ where: { businessId, id: { in: ids } } });
}

async function staffId(world: World, name: string): Promise<string> {
  return (await world.db.staffMember.findFirstOrThrow({ where: { businessId: world.businessId, name }, select: { id: true } })).id;
}

export function instant(world: Pick<World, "timezone">, local: string): number {
  const [date, time] = local.split("T") as [string, string];
  return localDateTimeToInstant(date, { hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) }, world.timezone);
}

export function localOf(world: Pick<World, "timezone">, at: Date): string {
  const local = localDateTimeOf(at, world.timezone);
  return `${local.date}T${String(local.time.hour).padStart(2, "0")}:${String(local.time.minute).padStart(2, "0")}`;
}

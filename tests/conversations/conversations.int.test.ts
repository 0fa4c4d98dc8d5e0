// The evaluation suite: every scenario in tests/conversations/scenarios/ through the built-in
// engine on the demo salon, on PGlite (and PostgreSQL when TEST_DATABASE_URL is set). One
// database per engine; scenarios run one after another and each cleans up after itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBuiltinEngine } from "../../server/agent/builtin/builtin-engine";
import { engines, useTestDatabase } from "../helpers/test-database";
import { prepareWorld, runScenario, type ScenarioResult, type World } from "./run-scenario";
import { loadScenarios } from "./scenario";

const scenarios = loadScenarios();

describe("the scenario files", () => {
  it("are at least 60, with unique names and caller phones", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(60);
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
    expect(new Set(scenarios.map((s) => s.caller.phone)).size).toBe(scenarios.length);
  });
});

describe.each(engines)("conversations with the built-in engine on %s", (engine) => {
  const database = useTestDatabase(engine);
  const results: ScenarioResult[] = [];
  let world: World;

  beforeAll(async () => {
    world = await prepareWorld(database().prisma);
  });

  afterAll(() => {
    const passed = results.filter((r) => r.pass).length;
    const rate = results.length === 0 ? 0 : Math.round((1000 * passed) / results.length) / 10;
    console.log(`conversation scenarios on ${engine}: ${passed}/${results.length} passed (${rate}%)`);
  });

  it.each(scenarios.map((s) => [s.file, s] as const))("%s", async (_file, scenario) => {
    const result = await runScenario(createBuiltinEngine(), scenario, world);
    results.push(result);
    const transcript = result.lines.map((l) => `${l.caller === null ? "" : `caller: ${l.caller}\n`}agent:  ${l.agent}  [${l.tools.map((t) => t.name + (t.ok ? "" : "!")).join(", ")}]`).join("\n");
    expect(result.reasons, `${scenario.name}\n${transcript}`).toEqual([]);
    // Each scenario leaves the salon as it found it.
    expect(await world.db.appointment.count({ where: { businessId: world.businessId } })).toBe(0);
  });
});

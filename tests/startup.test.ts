// `npm start` refuses a malformed environment variable before doing anything else, with one
// line that names it.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function start(env: Record<string, string>) {
  return spawnSync("tsx", ["scripts/start.ts"], {
    env: { ...process.env, ...env, NEXTAUTH_SECRET: "a-long-enough-secret-value", DATA_DIR: ".data/startup-test" },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("start-up configuration check", () => {
  it.each([
    ["PORT", "not-a-port"],
    ["DATABASE_URL", "mysql://root@localhost/db"],
    ["VOICE_WORKER_PORT", "-4"],
  ])("stops with exit code 1 and one line naming %s", (name, value) => {
    const result = start({ [name]: value });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${name} `));
    expect(result.stdout).not.toMatch(/is running at/);
  });
});

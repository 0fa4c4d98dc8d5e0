// Graceful shutdown: on stop (SIGTERM) the worker stops taking new streams and reports not ready,
// lets active calls finish for up to the drain time, then ends the rest; Twilio's fallback TwiML
// (apology + message) then takes over those calls. main.ts wires SIGTERM to exactly this.
import { spawn } from "node:child_process";
import net from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { describe, expect, it } from "vitest";
import { FALLBACK_MESSAGE } from "../../server/calls/voice-webhook";
import { openDatabase } from "../../server/db";
import { migrateDatabase } from "../../server/migrations";
import { startVoiceHarness } from "./support/voice-harness";

describe("draining the worker", () => {
  it("refuses new streams, lets a call that ends on its own finish, and ends the rest at the deadline", async () => {
    const h = await startVoiceHarness({ engine: "pglite" });
    try {
      const lingering = h.call([], { stayOnLine: true, from: "+15555550801" });
      const leaving = h.call([{ wait: 2500 }, { hangup: true, now: true }], { from: "+15555550802" });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(h.worker.activeCalls).toBe(2);
      const stopped = h.worker.stop(4000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await fetch(`${h.workerUrl}/readyz`)).status).toBe(503);
      const refused = await new Promise<string>((resolve) => {
        const ws = new WebSocket(`${h.workerUrl.replace("http", "ws")}/media-stream`);
        ws.on("error", (error) => resolve(error.message));
        ws.on("open", () => resolve("opened"));
      });
      expect(refused).toMatch(/503/);

      const left = await leaving;
      expect(left.endedBy).toBe("caller");
      expect(left.summary?.status).toBe("completed");

      const cut = await lingering;
      expect(cut.endedBy).toBe("abnormal");
      expect(cut.closeCode).toBe(1001);
      expect(cut.fallbackSaid).toEqual([FALLBACK_MESSAGE, "We didn't receive a message. Goodbye."]);
      await stopped;
      const row = await h.database.prisma.call.findUniqueOrThrow({ where: { id: cut.callId! } });
      expect(row).toMatchObject({ outcome: "failed", status: "completed" });
    } finally {
      await h.close();
    }
  }, 60_000);

  it("runs the periodic jobs when run on its own (main.ts), and stops on SIGTERM, exiting 0", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "voice-main-"));
    const target = { kind: "pglite", dataDir: path.join(dataDir, "db") } as const;
    const database = await openDatabase(target);
    await migrateDatabase(database);
    // Something for the jobs' first pass to do: a rate-limit hit older than a day is purged.
    await database.prisma.rateLimitHit.create({ data: { scope: "login_ip", key: "203.0.113.9", createdAt: new Date(Date.now() - 3 * 86_400_000) } });
    await database.close();
    const port = await freePort();
    // As production runs it (node --import tsx): the signal reaches the worker itself, not the
    // tsx CLI's relay, which under load could exit 143 before the worker's handler ran.
    const child = spawn(process.execPath, ["--import", "tsx", "voice-worker/src/main.ts"], {
      env: { ...process.env, DATA_DIR: dataDir, VOICE_WORKER_PORT: String(port), DATABASE_URL: "", DRAIN_SECONDS: "1", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    for (let i = 0; i < 200 && !output.includes("periodic jobs started"); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(output).toContain("voice worker ready");
    expect(output).toContain("periodic jobs started");
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("voice worker stopped");
    // The process has let go of the embedded database; the jobs' first pass ran before it did.
    const after = await openDatabase(target);
    try {
      expect(await after.prisma.rateLimitHit.count()).toBe(0);
    } finally {
      await after.close();
    }
  }, 60_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

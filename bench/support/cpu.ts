// CPU time of this process and of the local PostgreSQL server's processes (Linux /proc), to tell
// which side a benchmark saturates. The PostgreSQL figure counts every backend of that server,
// including other clients' work on a shared machine; null where /proc is not available.
import { readdir, readFile } from "node:fs/promises";
import os from "node:os";

const TICKS_PER_SEC = 100; // USER_HZ on Linux

async function postgresCpuSeconds(): Promise<number | null> {
  try {
    let ticks = 0;
    for (const pid of (await readdir("/proc")).filter((name) => /^\d+$/.test(name))) {
      const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
      const close = stat.lastIndexOf(")");
      if (close < 0 || !stat.slice(stat.indexOf("(") + 1, close).startsWith("postgres")) continue;
      const fields = stat.slice(close + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    }
    return ticks / TICKS_PER_SEC;
  } catch {
    return null;
  }
}

/** Starts measuring; the returned function gives cores kept busy on average since then. */
export async function cpuMeter(): Promise<() => Promise<{ processCores: number; postgresCores: number | null; machineCores: number }>> {
  const started = performance.now();
  const processBefore = process.cpuUsage();
  const pgBefore = await postgresCpuSeconds();
  return async () => {
    const seconds = (performance.now() - started) / 1000;
    const usage = process.cpuUsage(processBefore);
    const pgAfter = await postgresCpuSeconds();
    return {
      processCores: Math.round(((usage.user + usage.system) / 1e6 / seconds) * 100) / 100,
      postgresCores: pgBefore === null || pgAfter === null ? null : Math.round(((pgAfter - pgBefore) / seconds) * 100) / 100,
      machineCores: os.cpus().length,
    };
  };
}

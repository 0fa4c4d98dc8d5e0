// `npm run bench [-- --quick] [-- --runs=N] [-- name …]`: runs bench/*.bench.ts, writes each
// report to bench/results/<name>.json and rewrites docs/BENCHMARKS.md from all stored results and
// the hand-written bench/NOTES.md (what changed and why, comparisons across runs).
// --runs=N runs each benchmark N times and stores the median of every numeric metric, judging the
// target met when most runs met it: one run on a shared machine says little.
import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Benchmark, BenchReport } from "./types";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const runsArg = args.find((a) => a.startsWith("--runs="));
const runs = runsArg ? Number(runsArg.slice("--runs=".length)) : 1;
if (!Number.isInteger(runs) || runs < 1) {
  console.error("--runs takes a whole number of at least 1, e.g. --runs=3");
  process.exit(2);
}
const only = args.filter((a) => !a.startsWith("--"));
const benchDir = path.join(process.cwd(), "bench");
const resultsDir = path.join(benchDir, "results");

interface StoredResult extends BenchReport {
  name: string;
  quick: boolean;
  /** How many runs the metrics are medians of (absent: one). */
  runs?: number;
  /** In how many of them the target was met. */
  metInRuns?: number;
  ranAt: string;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; platform: string };
}

function machine(): StoredResult["machine"] {
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

async function main() {
  await mkdir(resultsDir, { recursive: true });
  const files = (await readdir(benchDir)).filter((f) => f.endsWith(".bench.ts")).sort();
  let failed = false;
  for (const file of files) {
    const bench = (await import(pathToFileURL(path.join(benchDir, file)).href)).default as Benchmark;
    if (only.length > 0 && !only.includes(bench.name)) continue;
    process.stdout.write(`${bench.name}${quick ? " (quick)" : ""}${runs > 1 ? ` ×${runs}` : ""}… `);
    try {
      const reports: BenchReport[] = [];
      for (let i = 0; i < runs; i++) reports.push(await bench.run({ quick }));
      const report = combine(reports);
      const stored: StoredResult = {
        name: bench.name,
        quick,
        ranAt: new Date().toISOString(),
        machine: machine(),
        ...(runs > 1 ? { runs, metInRuns: reports.filter((r) => r.met).length } : {}),
        ...report,
      };
      await writeFile(path.join(resultsDir, `${bench.name}.json`), `${JSON.stringify(stored, null, 2)}\n`);
      console.log(report.met === false ? "target missed" : "done", JSON.stringify(report.metrics));
    } catch (error) {
      failed = true;
      console.log("failed");
      console.error(error);
    }
  }
  await writeSummary();
  if (failed) process.exit(1);
}

/** One report from several runs of a benchmark: numeric metrics are medians; others come from the first run. */
function combine(reports: BenchReport[]): BenchReport {
  if (reports.length === 1) return reports[0]!;
  const [first] = reports as [BenchReport];
  const metrics: BenchReport["metrics"] = {};
  for (const [key, value] of Object.entries(first.metrics)) {
    const values = reports.map((r) => r.metrics[key]);
    metrics[key] = values.every((v) => typeof v === "number") ? Math.round(median(values as number[]) * 100) / 100 : value;
  }
  const judged = reports.filter((r) => r.met !== undefined);
  return {
    ...first,
    metrics,
    met: judged.length === 0 ? undefined : judged.filter((r) => r.met).length * 2 > judged.length,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function writeSummary() {
  const results: StoredResult[] = [];
  for (const f of (await readdir(resultsDir)).filter((f) => f.endsWith(".json")).sort()) {
    results.push(JSON.parse(await readFile(path.join(resultsDir, f), "utf8")) as StoredResult);
  }
  const lines = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` from `bench/results/*.json` and `bench/NOTES.md`; edit those, not this file.",
    "Figures are medians and high percentiles: these machines are shared and noisy, so compare ratios",
    "and trends rather than single numbers. A run marked *quick* used reduced sizes.",
    "",
  ];
  const notes = await readFile(path.join(benchDir, "NOTES.md"), "utf8").catch(() => "");
  if (notes.trim()) lines.push(notes.trim(), "");
  for (const r of results) {
    lines.push(`## ${r.name}${r.quick ? " (quick)" : ""}`, "", r.description, "");
    const over = r.runs ? ` (medians of ${r.runs} runs; met in ${r.metInRuns} of them)` : "";
    if (r.target) lines.push(`Target: ${r.target} — ${r.met === undefined ? "not judged" : r.met ? "**met**" : "**missed**"}${over}`, "");
    else if (r.runs) lines.push(`Medians of ${r.runs} runs.`, "");
    lines.push("| metric | value |", "| --- | --- |");
    for (const [k, v] of Object.entries(r.metrics)) lines.push(`| ${k} | ${v} |`);
    lines.push(
      "",
      `Ran ${r.ranAt} on ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ${r.machine.platform}.`,
      "",
    );
  }
  await writeFile(path.join(process.cwd(), "docs", "BENCHMARKS.md"), lines.join("\n"));
}

await main();

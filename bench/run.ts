// `npm run bench [-- --quick] [-- name …]`: runs bench/*.bench.ts, writes each report to
// bench/results/<name>.json and rewrites docs/BENCHMARKS.md from all stored results.
import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Benchmark, BenchReport } from "./types";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.filter((a) => !a.startsWith("--"));
const benchDir = path.join(process.cwd(), "bench");
const resultsDir = path.join(benchDir, "results");

interface StoredResult extends BenchReport {
  name: string;
  quick: boolean;
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
    process.stdout.write(`${bench.name}${quick ? " (quick)" : ""}… `);
    try {
      const report = await bench.run({ quick });
      const stored: StoredResult = { name: bench.name, quick, ranAt: new Date().toISOString(), machine: machine(), ...report };
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

async function writeSummary() {
  const results: StoredResult[] = [];
  for (const f of (await readdir(resultsDir)).filter((f) => f.endsWith(".json")).sort()) {
    results.push(JSON.parse(await readFile(path.join(resultsDir, f), "utf8")) as StoredResult);
  }
  const lines = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` from `bench/results/*.json`; edit the benchmarks, not this file.",
    "Figures are medians and high percentiles: these machines are shared and noisy, so compare ratios",
    "and trends rather than single numbers. A run marked *quick* used reduced sizes.",
    "",
  ];
  for (const r of results) {
    lines.push(`## ${r.name}${r.quick ? " (quick)" : ""}`, "", r.description, "");
    if (r.target) lines.push(`Target: ${r.target} — ${r.met === undefined ? "not judged" : r.met ? "**met**" : "**missed**"}`, "");
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

// npm run bench — every benchmark in bench/, one after the other, then one table of their headline figures:
// throughput, p50, p99, the app's peak memory, and each figure's ratio to the baseline measured in the same run.
// Each benchmark still prints its full report (with its targets) as it goes. BENCH_ONLY=stamp,mixed runs some.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SummaryRow } from "./support/summary";

const BENCHES = ["stamp", "dashboard", "pkpass", "mixed"];
const only = process.env.BENCH_ONLY?.split(",");
const summaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-summary-")), "rows.jsonl");

const failed: string[] = [];
for (const bench of BENCHES.filter((name) => !only || only.includes(name))) {
  console.log(`\n━━ bench/${bench}.ts ━━`);
  const run = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join("bench", `${bench}.ts`)], {
    stdio: "inherit",
    env: { ...process.env, BENCH_SUMMARY_FILE: summaryFile },
  });
  if (run.status !== 0) failed.push(bench);
}

const rows: SummaryRow[] = fs.existsSync(summaryFile)
  ? fs
      .readFileSync(summaryFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as SummaryRow)
  : [];
const cell = (value: number | undefined, digits = 1) => (value === undefined ? "" : value.toFixed(digits));
const table = [
  ["bench", "what", "per s", "p50 ms", "p99 ms", "peak MB", "÷ baseline", "baseline", "targets"],
  ...rows.map((row) => [
    row.bench,
    row.what,
    cell(row.throughput, 0),
    cell(row.p50Ms),
    cell(row.p99Ms),
    cell(row.peakMemoryMb, 0),
    row.baseline ? (row.throughput / row.baseline.throughput).toFixed(2) : "",
    row.baseline ? `${row.baseline.what} ${row.baseline.throughput.toFixed(0)}/s` : "",
    row.target ? `${row.target.met ? "met" : "NOT met"}: ${row.target.text}` : "",
  ]),
];
const widths = table[0]!.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
console.log(`\n━━ Summary: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version} ━━`);
for (const line of table) {
  console.log(
    line.map((value, column) => (column >= 2 && column <= 6 ? value.padStart(widths[column]!) : value.padEnd(widths[column]!))).join("  "),
  );
}
if (failed.length > 0) console.log(`\nBenchmarks that failed to run: ${failed.join(", ")}`);
process.exit(failed.length > 0 ? 1 : 0);

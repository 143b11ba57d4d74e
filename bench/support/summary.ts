import fs from "node:fs";

/**
 * One line of `npm run bench`'s table. Each benchmark prints its own report
 * and, when run by bench/all.ts (BENCH_SUMMARY_FILE set), appends its
 * headline figures here as JSON lines for the combined table.
 */
export type SummaryRow = {
  bench: string;
  what: string;
  /** Requests (or passes) per second. */
  throughput: number;
  p50Ms?: number;
  p99Ms?: number;
  /** Peak resident memory of the app process during the benchmark. */
  peakMemoryMb?: number;
  /** The same figure for the baseline measured in the same run, and what the baseline is. */
  baseline?: { what: string; throughput: number };
  /** The benchmark's own verdict on its targets for this row. */
  target?: { text: string; met: boolean };
};

export function recordSummary(rows: SummaryRow[]): void {
  const file = process.env.BENCH_SUMMARY_FILE;
  if (!file) return;
  fs.appendFileSync(file, rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
}

/** Peak resident set size of a Linux process so far (VmHWM), in MB; undefined elsewhere or once it has exited. */
export function peakMemoryMb(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

import fs from "node:fs";

/** One statement's plan as auto_explain logs it in JSON (log_analyze on). */
export type LoggedPlan = { queryText: string; durationMs: number; plan: PlanNode };

export type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  "Actual Total Time"?: number;
  Plans?: PlanNode[];
};

const TABLE_SCANS = new Set(["Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan", "Tid Scan", "Sample Scan"]);

/** Where the server log ends now: read the plans logged after this point with `plansSince`. */
export function logOffset(logFile: string): number {
  return fs.statSync(logFile).size;
}

/** The plans auto_explain wrote to the server log since `offset`. */
export function plansSince(logFile: string, offset: number): LoggedPlan[] {
  const text = fs.readFileSync(logFile).subarray(offset).toString("utf8");
  const plans: LoggedPlan[] = [];
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const match = /duration: ([\d.]+) ms\s+plan:/.exec(lines[index]!);
    if (!match) continue;
    const body: string[] = [];
    while (index + 1 < lines.length && lines[index + 1]!.startsWith("\t")) body.push(lines[++index]!);
    try {
      const parsed = JSON.parse(body.join("\n")) as { "Query Text": string; Plan: PlanNode };
      plans.push({ queryText: parsed["Query Text"], durationMs: Number(match[1]), plan: parsed.Plan });
    } catch {
      // A plan cut by log rotation: not ours to judge.
    }
  }
  return plans;
}

/** Table rows a statement read: every table scan's rows returned and rows it read and discarded, over all its loops. */
export function rowsRead(node: PlanNode): number {
  const loops = node["Actual Loops"] ?? 1;
  const own = TABLE_SCANS.has(node["Node Type"])
    ? ((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0)) * loops
    : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child), 0);
}

/** The plan as an indented tree: node, table and index, rows per loop × loops, rows discarded. */
export function formatPlan(node: PlanNode, depth = 0): string[] {
  const on = node["Relation Name"] ? ` on ${node["Relation Name"]}` : "";
  const using = node["Index Name"] ? ` using ${node["Index Name"]}` : "";
  const removed = (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0);
  const line = `${"  ".repeat(depth)}${depth ? "-> " : ""}${node["Node Type"]}${using}${on} (rows=${node["Actual Rows"] ?? "?"} loops=${
    node["Actual Loops"] ?? "?"
  }${removed ? ` removed=${removed}` : ""} time=${node["Actual Total Time"] ?? "?"} ms)`;
  return [line, ...(node.Plans ?? []).flatMap((child) => formatPlan(child, depth + 1))];
}

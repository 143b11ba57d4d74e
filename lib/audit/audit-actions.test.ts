import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { AUDIT_ACTIONS, AUDIT_AREAS, auditActionGroups, auditAreaOf } from "./audit-actions";

/** Every file under lib/ and app/ except tests. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** The actions the services record: the "area.verb" literals of each `action: …` in a file that writes the audit log. */
function recordedActions(): Set<string> {
  const actions = new Set<string>();
  for (const file of [...sourceFiles("lib"), ...sourceFiles("app")]) {
    const text = fs.readFileSync(file, "utf8");
    if (!/recordAudit|auditLog\.create/.test(text)) continue;
    for (const [, expression] of text.matchAll(/\baction:\s*([^,\n}]+)/g)) {
      for (const [, action] of expression!.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) actions.add(action!);
    }
  }
  return actions;
}

const sentences = en.dashboard.audit.actions as Record<string, Record<string, string>>;

describe("the audit log's actions", () => {
  it("list exactly what the services record", () => {
    const recorded = recordedActions();
    expect(recorded.size).toBeGreaterThan(20);
    expect([...recorded].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("each have a sentence and an area with a name", () => {
    for (const action of AUDIT_ACTIONS) {
      const [area, verb] = action.split(".") as [string, string];
      expect(sentences[area]?.[verb], action).toEqual(expect.any(String));
      expect(AUDIT_AREAS, action).toContain(auditAreaOf(action));
      expect(en.dashboard.audit.areas, action).toHaveProperty(area);
    }
  });
});

describe("auditActionGroups", () => {
  const names: Record<string, string> = { cards: "Cards", staff: "Staff", programs: "Program" };
  const areaName = (area: string) => names[area] ?? area;
  const present = ["staff.created", "cards.adjusted", "staff.pin_reset", "programs.updated", "cards.adjusted"];

  it("groups the actions present by area, areas sorted by name, each action once", () => {
    expect(auditActionGroups(present, undefined, areaName)).toEqual([
      { area: "cards", actions: ["cards.adjusted"] },
      { area: "programs", actions: ["programs.updated"] },
      { area: "staff", actions: ["staff.created", "staff.pin_reset"] },
    ]);
  });

  it("keeps a chosen action or area the log no longer holds", () => {
    expect(auditActionGroups(["cards.adjusted"], "staff.deactivated", areaName)).toEqual([
      { area: "cards", actions: ["cards.adjusted"] },
      { area: "staff", actions: ["staff.deactivated"] },
    ]);
    expect(auditActionGroups(["cards.adjusted"], "programs", areaName)).toEqual([
      { area: "cards", actions: ["cards.adjusted"] },
      { area: "programs", actions: [] },
    ]);
    expect(auditActionGroups(["cards.adjusted"], "cards.adjusted", areaName)).toEqual([{ area: "cards", actions: ["cards.adjusted"] }]);
  });

  it("is empty for an empty log with nothing chosen", () => {
    expect(auditActionGroups([], undefined, areaName)).toEqual([]);
  });
});

import path from "node:path";
import { describe, expect, it } from "vitest";
import { appServerArgs, appServerEnv } from "./app-server-command";

describe("the app server's command", () => {
  const serve = path.join(process.cwd(), "scripts", "serve.mjs");

  it("runs scripts/serve.mjs on the port with the memory flags", () => {
    expect(appServerArgs(3000, [], "")).toEqual(["--max-semi-space-size=16", "--max-old-space-size=1024", serve, "3000"]);
  });

  it("leaves a flag out when NODE_OPTIONS or the extra arguments set it", () => {
    expect(appServerArgs(3000, [], "--max-old-space-size=400")).toEqual(["--max-semi-space-size=16", serve, "3000"]);
    expect(appServerArgs(3000, ["--cpu-prof", "--max-semi-space-size=8"], "")).toEqual([
      "--cpu-prof",
      "--max-semi-space-size=8",
      "--max-old-space-size=1024",
      serve,
      "3000",
    ]);
  });

  it("limits malloc's arenas unless the operator chose a number", () => {
    expect(appServerEnv({ PORT: "1" })).toEqual({ MALLOC_ARENA_MAX: "2", PORT: "1" });
    expect(appServerEnv({ MALLOC_ARENA_MAX: "4" }).MALLOC_ARENA_MAX).toBe("4");
  });
});

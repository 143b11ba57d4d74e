import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** What a production build is made from; a change to any of these makes the build stale. */
const SOURCES = [
  "app",
  "components",
  "lib",
  "messages",
  "public",
  "prisma/schema.prisma",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "instrumentation.ts",
  "proxy.ts",
];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Whether `.next` holds a build newer than every source it was made from. */
export function buildIsFresh(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(root, source)) <= builtAt);
}

/** A self-hosted app does not report usage to anyone: Next's telemetry is off unless asked for. */
export function withoutTelemetry(): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1" };
}

/** Runs `next build` when there is no build or it is older than the sources. */
export function buildIfNeeded(root = process.cwd()): void {
  if (buildIsFresh(root)) return;
  console.log("Building the app (next build)…");
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: withoutTelemetry() });
  if (result.status !== 0) throw new Error(`next build failed (exit code ${result.status ?? result.signal})`);
}

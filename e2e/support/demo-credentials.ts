import type { demoSeedJson } from "@/lib/demo/format-demo-summary";
import { runCommand } from "./app-process";

/** What `npm run db:seed -- --json` prints. */
export type DemoCredentials = ReturnType<typeof demoSeedJson>;

let cached: Promise<DemoCredentials> | undefined;

/** The demo's credentials, from `npm run db:seed -- --json` against the journeys' database (idempotent). */
export function demoCredentials(): Promise<DemoCredentials> {
  cached ??= runCommand("node_modules/.bin/tsx", ["--conditions=react-server", "prisma/seed.ts", "--json"], {
    DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
    LOYALTY_DATA_DIR: "test-results/e2e-data",
  }).then(({ code, stdout, stderr }) => {
    if (code !== 0) throw new Error(`db:seed --json failed: ${stderr}`);
    return JSON.parse(stdout) as DemoCredentials;
  });
  return cached;
}

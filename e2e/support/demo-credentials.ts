import { runCommand } from "./app-process";

export type DemoCredentials = {
  ownerEmail: string;
  ownerPassword: string;
  apiKey: string;
  merchantId: string;
  stores: { id: string; code: string; name: string }[];
  staff: { id: string; name: string; pin: string }[];
};

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

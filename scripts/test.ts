// npm test: lint, type check, unit tests, integration tests on PGlite and on
// PostgreSQL (a throwaway server started here from the installed binaries, or
// TEST_DATABASE_URL), and the Playwright journeys in Chromium against the
// built app. What cannot run is named with the reason in the summary; with
// CI=true anything not run fails the run. The last line counts the tests.
//
//   npm test                  everything
//   npm test -- --only e2e    some steps: lint, types, unit, pglite, postgresql, system, e2e
//   npm test -- --only system --spec test/system/faults.test.ts   some system suites
//   npm test -- --only e2e --spec e2e/program.spec.ts   some journeys (comma-separated files)
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { databaseUrl, findPostgresBinDir, startPostgresCluster, type PostgresCluster } from "@/test/postgres-cluster";
import { findChromium } from "@/test/find-chromium";
import { buildIfNeeded } from "./build-if-needed";
import { argValue } from "./cli";

type Counts = { passed: number; failed: number; skipped: number };
type Outcome = { status: "passed" | "failed" | "not run"; reason?: string; tests?: Counts; failures?: string[] };
type Step = { id: string; title: string; run: () => Promise<Outcome> };

const ci = process.env.CI === "true" || process.env.CI === "1";
const only = argValue(process.argv.slice(2), "only")?.split(",");
const specs = argValue(process.argv.slice(2), "spec")?.split(",") ?? [];
// --spec names journeys (e2e/…) and system suites (test/system/…); each step takes its own.
const systemSpecs = specs.filter((spec) => spec.startsWith("test/system/"));
const journeySpecs = specs.filter((spec) => !spec.startsWith("test/system/"));
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-test-"));
const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
};

/** The first line of a failure's message, so the summary at the end of a long CI log says what broke. */
function firstLine(message: string | undefined): string {
  // Playwright colours its messages.
  const plain = (message ?? "").replace(/\u001b\[[0-9;]*m/g, "");
  return (
    plain
      .split("\n")
      .find((line) => line.trim() !== "")
      ?.trim()
      .slice(0, 300) ?? ""
  );
}

function vitestFailures(report: VitestReport): string[] {
  return report.testResults.flatMap((file) => {
    const name = path.relative(process.cwd(), file.name);
    const failedTests = file.assertionResults
      .filter((test) => test.status === "failed")
      .map((test) => `${name} › ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
    // A file that failed outside its tests (an import error, a hook, an unhandled error) has no failed test to name.
    if (failedTests.length === 0 && file.status === "failed") return [`${name}: ${firstLine(file.message)}`];
    return failedTests;
  });
}

type PlaywrightSuite = {
  title: string;
  file?: string;
  specs?: { title: string; ok: boolean; tests: { results: { error?: { message?: string } }[] }[] }[];
  suites?: PlaywrightSuite[];
};

function playwrightFailures(suites: PlaywrightSuite[], prefix = ""): string[] {
  return suites.flatMap((suite) => {
    const title = prefix ? `${prefix} › ${suite.title}` : suite.title;
    const failed = (suite.specs ?? [])
      .filter((spec) => !spec.ok)
      .map((spec) => `${title} › ${spec.title}: ${firstLine(spec.tests.at(-1)?.results.at(-1)?.error?.message)}`);
    return [...failed, ...playwrightFailures(suite.suites ?? [], title)];
  });
}

async function vitest(project: string, label: string, env: Record<string, string> = {}, files: string[] = []): Promise<Outcome> {
  const report = path.join(reportDir, `${label}.json`);
  const code = await run(
    bin("vitest"),
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...files],
    env,
  );
  const json = readJson<VitestReport>(report);
  const tests = json
    ? { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests }
    : undefined;
  return {
    status: code === 0 ? "passed" : "failed",
    tests,
    failures: json ? vitestFailures(json) : undefined,
    reason: json ? undefined : "no test report was written",
  };
}

let cluster: PostgresCluster | undefined;
let serverUrl: string | undefined = process.env.TEST_DATABASE_URL;
let postgresProblem: string | undefined;

/** A PostgreSQL server for the run: TEST_DATABASE_URL, or a throwaway cluster started once. */
async function postgres(): Promise<string | undefined> {
  if (serverUrl || postgresProblem) return serverUrl;
  if (!findPostgresBinDir()) {
    postgresProblem = "no PostgreSQL server binaries found (install postgresql, or set TEST_DATABASE_URL)";
    return undefined;
  }
  try {
    console.log("Starting a throwaway PostgreSQL server…");
    cluster = await startPostgresCluster();
    serverUrl = cluster.url;
  } catch (error) {
    postgresProblem = `could not start PostgreSQL: ${error instanceof Error ? error.message : String(error)}`;
  }
  return serverUrl;
}

async function journeys(): Promise<Outcome> {
  const chromium = findChromium();
  if (!chromium) return { status: "not run", reason: "no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)" };
  const server = await postgres();
  if (!server) return { status: "not run", reason: `the journeys run on PostgreSQL: ${postgresProblem}` };
  const database = `loyalty_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  try {
    buildIfNeeded();
    const report = path.join(reportDir, "e2e.json");
    const code = await run(bin("playwright"), ["test", ...journeySpecs], {
      CHROMIUM_PATH: chromium,
      E2E_DATABASE_URL: databaseUrl(server, database),
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      // Lets journeys import server modules to seed data; the app servers they start run without it.
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim(),
    });
    const json = readJson<{
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      suites: PlaywrightSuite[];
    }>(report);
    const tests = json
      ? { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected, skipped: json.stats.skipped }
      : undefined;
    return { status: code === 0 ? "passed" : "failed", tests, failures: json ? playwrightFailures(json.suites) : undefined };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

const steps: Step[] = [
  {
    id: "lint",
    title: "lint (ESLint, Prettier)",
    run: async () => ({
      status: (await run(bin("eslint"), ["."])) === 0 && (await run(bin("prettier"), ["--check", "."])) === 0 ? "passed" : "failed",
    }),
  },
  {
    id: "types",
    title: "type check (tsc)",
    run: async () => ({ status: (await run(bin("tsc"), ["--noEmit"])) === 0 ? "passed" : "failed" }),
  },
  { id: "unit", title: "unit tests", run: () => vitest("unit", "unit") },
  { id: "pglite", title: "integration on PGlite", run: () => vitest("db", "pglite", { TEST_DB: "pglite" }) },
  {
    id: "postgresql",
    title: "integration on PostgreSQL",
    run: async () => {
      const server = await postgres();
      if (!server) return { status: "not run", reason: postgresProblem };
      return vitest("db", "postgresql", { TEST_DB: "postgresql", TEST_DATABASE_URL: server });
    },
  },
  {
    id: "system",
    title: "system suites on PostgreSQL (built app)",
    run: async () => {
      const server = await postgres();
      if (!server) return { status: "not run", reason: postgresProblem };
      buildIfNeeded();
      return vitest("system", "system", { TEST_DATABASE_URL: server }, systemSpecs);
    },
  },
  { id: "e2e", title: "journeys in Chromium (Playwright)", run: journeys },
];

async function main(): Promise<number> {
  const results: { step: Step; outcome: Outcome }[] = [];
  for (const step of steps.filter((s) => !only || only.includes(s.id))) {
    console.log(`\n━━ ${step.title} ━━`);
    let outcome: Outcome;
    try {
      outcome = await step.run();
    } catch (error) {
      outcome = { status: "failed", reason: error instanceof Error ? error.message : String(error) };
    }
    results.push({ step, outcome });
  }

  const width = Math.max(...results.map(({ step }) => step.title.length));
  console.log("\n━━ Summary ━━");
  for (const { step, outcome } of results) {
    const tests = outcome.tests
      ? `  ${outcome.tests.passed} passed, ${outcome.tests.failed} failed${outcome.tests.skipped ? `, ${outcome.tests.skipped} skipped` : ""}`
      : "";
    const reason = outcome.reason ? `  (${outcome.reason})` : "";
    console.log(`  ${step.title.padEnd(width)}  ${outcome.status.toUpperCase()}${tests}${reason}`);
    for (const failure of outcome.failures ?? []) console.log(`      ✗ ${failure}`);
  }
  const notRun = results.filter(({ outcome }) => outcome.status === "not run");
  const failed = results.filter(({ outcome }) => outcome.status === "failed");
  if (notRun.length > 0) {
    console.log(
      ci
        ? `  With CI=true every step must run: ${notRun.map(({ step }) => step.id).join(", ")} did not.`
        : `  Not run here: ${notRun.map(({ step }) => step.id).join(", ")} (reasons above). CI=true would fail on this.`,
    );
  }
  const total = results.reduce(
    (sum, { outcome }) => ({ passed: sum.passed + (outcome.tests?.passed ?? 0), failed: sum.failed + (outcome.tests?.failed ?? 0) }),
    { passed: 0, failed: 0 },
  );
  const ok = failed.length === 0 && (!ci || notRun.length === 0);
  console.log(`Tests: ${total.passed} passed, ${total.failed} failed — ${ok ? "OK" : "FAILED"}`);
  return ok ? 0 : 1;
}

function cleanUp() {
  cluster?.stop();
  fs.rmSync(reportDir, { recursive: true, force: true });
}

for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(code);
  });
}
main().then(
  (code) => {
    cleanUp();
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error);
    cleanUp();
    process.exit(1);
  },
);

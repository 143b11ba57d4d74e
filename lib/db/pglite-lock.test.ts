import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseInUseError, acquirePgliteLock } from "./pglite-lock";

const children: ChildProcess[] = [];
const holders: number[] = [];
const dirs: string[] = [];
afterEach(() => {
  holders.splice(0).forEach((pid) => isAlive(pid) && process.kill(pid, "SIGKILL"));
  children.splice(0).forEach((child) => child.kill("SIGKILL"));
  dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-lock-"));
  dirs.push(dir);
  return path.join(dir, "pglite");
}

/** Another process holding the lock, like a running app. Resolves with the pid that holds it. */
async function holdInAnotherProcess(dir: string): Promise<number> {
  const child = spawn("node_modules/.bin/tsx", ["test/fixtures/hold-pglite-lock.ts", dir], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  const pid = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /locked (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`fixture exited with ${code}`)));
  });
  holders.push(pid);
  return pid;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("acquirePgliteLock", () => {
  it("refuses a second process while the first holds the database, naming who holds it", async () => {
    const dir = dataDir();
    const holder = await holdInAnotherProcess(dir);
    let error: unknown;
    try {
      acquirePgliteLock(dir, "test");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabaseInUseError);
    expect((error as Error).message).toContain(`in use by hold-pglite-lock fixture (pid ${holder}`);
    expect((error as Error).message).toContain("DATABASE_URL");
  });

  it("takes over at once from a holder that was killed without cleaning up", async () => {
    const dir = dataDir();
    const holder = await holdInAnotherProcess(dir);
    process.kill(holder, "SIGKILL");
    while (isAlive(holder)) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fs.existsSync(`${dir}.lock`)).toBe(true);

    const release = acquirePgliteLock(dir, "test");
    expect(JSON.parse(fs.readFileSync(`${dir}.lock.json`, "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
    expect(fs.existsSync(`${dir}.lock.json`)).toBe(false);
  });

  it("can be taken again after release", () => {
    const dir = dataDir();
    acquirePgliteLock(dir, "first")();
    const release = acquirePgliteLock(dir, "second");
    expect(() => acquirePgliteLock(dir, "third")).toThrow(DatabaseInUseError);
    release();
  });
});

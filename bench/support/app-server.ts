import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { NEXT_SERVER_NODE_ARGS } from "@/scripts/next-server-args";

// BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the app under the benchmark's load.
const PROFILE_ARGS = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);

/** The built app (`next start`, with the flags `npm start` uses) on a port, with the given environment; stopped by `stop()`. */
export async function startBuiltApp(
  env: Record<string, string>,
  port: number,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const child: ChildProcess = spawn(process.execPath, [...PROFILE_ARGS, ...NEXT_SERVER_NODE_ARGS, nextBin, "start", "-p", String(port)], {
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_MANUAL_SIG_HANDLE: "true",
      LOYALTY_LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error("the app did not answer /api/health within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

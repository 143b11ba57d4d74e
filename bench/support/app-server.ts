import { spawn, type ChildProcess } from "node:child_process";
import { appServerArgs, appServerEnv } from "@/scripts/app-server-command";

// BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the app under the benchmark's load.
const PROFILE_ARGS = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);

/** The built app (scripts/serve.mjs, with the flags `npm start` uses) on a port, with the given environment; stopped by `stop()`. */
export async function startBuiltApp(
  env: Record<string, string>,
  port: number,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, appServerArgs(port, PROFILE_ARGS, ""), {
    env: appServerEnv({
      ...process.env,
      NODE_OPTIONS: "",
      NEXT_TELEMETRY_DISABLED: "1",
      LOYALTY_LOG_LEVEL: "warn",
      ...env,
    }),
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

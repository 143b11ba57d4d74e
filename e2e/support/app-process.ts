import { spawn, type ChildProcess } from "node:child_process";

export type AppProcess = { url: string; output: () => string; stop: () => Promise<number | null>; exited: Promise<number | null> };

/**
 * Starts the app as `npm start` does (scripts/start.ts) with the given
 * environment, and waits until /api/health answers or the process exits.
 */
export async function startApp(env: Record<string, string>, port: number, timeoutMs = 120_000): Promise<AppProcess> {
  const url = `http://127.0.0.1:${port}`;
  // As package.json's start script: node itself, not the tsx CLI, whose signal relay gives up after a few
  // milliseconds on a busy machine and kills scripts/start.ts before it has stopped the server it started.
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts"], {
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      LOYALTY_PUBLIC_URL: url,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));

  const deadline = Date.now() + timeoutMs;
  while (!done && Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    output: () => output,
    exited,
    stop: async () => {
      if (!done) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Runs a command to completion and returns its exit code and output. */
export function runCommand(command: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, NODE_OPTIONS: "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

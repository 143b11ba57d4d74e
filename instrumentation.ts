/**
 * Runs once when a Next.js server process starts (not during `next build`).
 * Checks the configuration first, so a bad variable stops the app at start
 * with a message naming it instead of failing on the first request.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is Next's own switch between the Node.js and edge runtimes.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("./lib/server-process");
  await startServerProcess();
}

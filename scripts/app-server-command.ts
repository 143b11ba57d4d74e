import path from "node:path";

/**
 * Node flags for the app server process. A larger young generation means far
 * fewer scavenges under load (measured with bench/stamp.ts: a few to ten
 * percent more stamps/s), for about 100 MB more memory at most.
 */
const APP_SERVER_NODE_ARGS = ["--max-semi-space-size=32"];

/** The arguments of `node` that run the built app's server on a port (scripts/serve.mjs), as `npm start` does. */
export function appServerArgs(port: number, extraNodeArgs: string[] = []): string[] {
  return [...extraNodeArgs, ...APP_SERVER_NODE_ARGS, path.join(process.cwd(), "scripts", "serve.mjs"), String(port)];
}

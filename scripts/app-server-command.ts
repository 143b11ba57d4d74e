import path from "node:path";

/**
 * Node flags for the app server process, measured with bench/stamp.ts and bench/mixed.ts:
 * - a young generation of 2 × 16 MB instead of V8's 2 × 8 MB: fewer scavenges under load. 2 × 32 MB gave the
 *   same stamps/s and mixed load throughput within run-to-run noise, for 30 to 40 MB more at the mixed load's peak;
 * - a ceiling on the old generation far above what the app keeps alive under load (100 to 150 MB), for
 *   what it does besides: V8 grows the heap by a factor that depends on that ceiling, up to four times
 *   what a collection leaves on a machine with more than about 2 GB of memory, and less below a 2 GB
 *   ceiling. With 1 GB, the mixed load's peak fell from about 850 MB to 580 MB at the same throughput.
 * Either flag given in NODE_OPTIONS (or by a benchmark's extra arguments) replaces the default here.
 */
const APP_SERVER_NODE_ARGS = ["--max-semi-space-size=16", "--max-old-space-size=1024"];

/** The arguments of `node` that run the built app's server on a port (scripts/serve.mjs), as `npm start` does. */
export function appServerArgs(port: number, extraNodeArgs: string[] = [], nodeOptions = process.env.NODE_OPTIONS ?? ""): string[] {
  const given = [nodeOptions, ...extraNodeArgs].join(" ");
  const flags = APP_SERVER_NODE_ARGS.filter((flag) => !given.includes(flag.split("=")[0]!));
  return [...extraNodeArgs, ...flags, path.join(process.cwd(), "scripts", "serve.mjs"), String(port)];
}

/**
 * The server's environment. glibc's malloc gives each thread that allocates its own arena, up to
 * eight per core, and returns little of them: the server's threads (libuv's pool, V8's, the pass
 * image renderer) held about 100 MB more under the mixed load than with two arenas, at the same
 * throughput. An operator's own MALLOC_ARENA_MAX is kept.
 */
export function appServerEnv<Env extends Record<string, string | undefined>>(env: Env): Env {
  return { MALLOC_ARENA_MAX: "2", ...env };
}

/**
 * Node flags for the app server process. A larger young generation means far
 * fewer scavenges under load (measured with bench/stamp.ts: a few to ten
 * percent more stamps/s), for about 100 MB more memory at most.
 */
export const NEXT_SERVER_NODE_ARGS = ["--max-semi-space-size=32"];

// @ts-check
// The app's HTTP server, run by `npm start`, the system suites and the benchmarks (scripts/app-server-command.ts):
// Next's own request handler, the one `next start` uses, behind fast paths. At start, instrumentation.ts
// (lib/server-process.ts) puts a handler on globalThis under Symbol.for("loyalty.fastPath") that first sets
// X-Forwarded-For to the client's one address (lib/http/forwarded-for-fast-path.ts), then refuses addresses
// whose %-escapes do not decode (lib/http/undecodable-path.ts), answers the PassKit web service's GETs without
// Next's routing (lib/wallet/apple/web-service-fast-path.ts), and leaves every other request to Next.
// Usage: node scripts/serve.mjs <port>
import http from "node:http";

// As `next start` does; React and Next pick their production builds from it when first loaded, hence the dynamic import.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const app = next({ dev: false, dir: process.cwd(), port });
await app.prepare();
const handleWithNext = app.getRequestHandler();
const FAST_PATH = Symbol.for("loyalty.fastPath");

const server = http.createServer((req, res) => {
  /** @type {unknown} */
  const fastPath = Reflect.get(globalThis, FAST_PATH);
  try {
    if (typeof fastPath === "function" && fastPath(req, res) === true) return;
  } catch (/** @type {unknown} */ error) {
    // A fast path that throws before taking the request leaves it to Next rather than ending the process.
    console.error(error);
  }
  handleWithNext(req, res).catch((/** @type {unknown} */ error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("Internal Server Error");
  });
});
server.listen(port, () => {
  process.env.PORT = String(port);
  console.log(`Listening on port ${port}.`);
});

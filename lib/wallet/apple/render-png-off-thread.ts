import "server-only";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { POSTER_FONT_FAMILY, posterFontBytes } from "@/lib/stores/poster/poster-fonts";

/*
 * A pass's PNGs (icon, logo, stamp strip at three scales) are drawn with
 * resvg, whose WebAssembly render is synchronous: tens of milliseconds for a
 * program's first pass, which would block every other request of the
 * process. They are drawn on one worker thread instead, so the event loop
 * only hands over the SVG and receives the PNG bytes.
 *
 * The worker's code is a string (eval), not a file: the app's server code is
 * bundled, and a separate worker file would not be where the bundle expects.
 * It loads resvg from node_modules by absolute path.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const { initWasm, Resvg } = require(workerData.resvgPath);
const ready = initWasm(fs.readFileSync(workerData.wasmPath));
parentPort.on("message", async ({ id, svg, width }) => {
  try {
    await ready;
    const resvg = new Resvg(svg, {
      fitTo: { mode: "width", value: width },
      font: { fontBuffers: [workerData.font], defaultFontFamily: workerData.fontFamily, sansSerifFamily: workerData.fontFamily },
    });
    try {
      const image = resvg.render();
      try {
        const png = image.asPng();
        parentPort.postMessage({ id, png }, [png.buffer]);
      } finally {
        image.free();
      }
    } finally {
      resvg.free();
    }
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

type Pending = { resolve: (png: Buffer) => void; reject: (error: Error) => void };

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
  worker = undefined;
}

function renderer(): Worker {
  if (worker) return worker;
  const require = createRequire(import.meta.url);
  // turbopackIgnore: resolved at run time inside node_modules, not bundled.
  const resvgPath = require.resolve(/* turbopackIgnore: true */ "@resvg/resvg-wasm");
  const wasmPath = require.resolve(/* turbopackIgnore: true */ "@resvg/resvg-wasm/index_bg.wasm");
  const started = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { resvgPath, wasmPath, font: posterFontBytes("bold"), fontFamily: POSTER_FONT_FAMILY },
  });
  started.on("message", (message: { id: number; png?: Uint8Array; error?: string }) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (pending.size === 0) started.unref();
    if (message.png) waiting.resolve(Buffer.from(message.png.buffer, message.png.byteOffset, message.png.byteLength));
    else waiting.reject(new Error(`Rendering a pass image failed: ${message.error}`));
  });
  started.on("error", (error) => failAll(error));
  started.on("exit", (code) => failAll(new Error(`The pass image renderer stopped (exit code ${code}).`)));
  worker = started;
  return started;
}

/** The PNG of an SVG drawn `width` pixels wide (height from the SVG's aspect ratio). */
export function renderPngOffThread(svg: string, width: number): Promise<Buffer> {
  const target = renderer();
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Referenced only while it has work: an idle renderer must not keep the process alive (scripts, tests, shutdown).
    target.ref();
    target.postMessage({ id, svg, width });
  });
}

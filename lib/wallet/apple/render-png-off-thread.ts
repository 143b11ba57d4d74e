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
 * The worker and its WebAssembly memory hold tens of megabytes, and images are
 * rendered rarely (once per program version and stamp count, pass-images.ts):
 * a worker left without work for 30 seconds is stopped, and the next image starts
 * a new one (about 50 ms).
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
let idleMs = 30_000;
let idleTimer: NodeJS.Timeout | undefined;

/** For tests: how long a worker without work is kept. */
export function setRendererIdleMs(ms: number): void {
  idleMs = ms;
}

let starts = 0;

/** Whether a renderer worker is running now, and how many this process started. */
export function rendererState(): { running: boolean; starts: number } {
  return { running: worker !== undefined, starts };
}

function failAll(error: Error): void {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
  worker = undefined;
}

/** Stops the worker once it has had no work for idleMs. */
function retireWhenIdle(idle: Worker): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (worker !== idle || pending.size > 0) return;
    worker = undefined;
    void idle.terminate();
  }, idleMs);
  idleTimer.unref();
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
    if (pending.size === 0) {
      started.unref();
      retireWhenIdle(started);
    }
    if (message.png) waiting.resolve(Buffer.from(message.png.buffer, message.png.byteOffset, message.png.byteLength));
    else waiting.reject(new Error(`Rendering a pass image failed: ${message.error}`));
  });
  // A worker retired when idle (no longer `worker`) exits with nothing pending: only the current one's end fails work.
  started.on("error", (error) => {
    if (worker === started) failAll(error);
  });
  started.on("exit", (code) => {
    if (worker === started) failAll(new Error(`The pass image renderer stopped (exit code ${code}).`));
  });
  worker = started;
  starts++;
  return started;
}

/** The PNG of an SVG drawn `width` pixels wide (height from the SVG's aspect ratio). */
export function renderPngOffThread(svg: string, width: number): Promise<Buffer> {
  clearTimeout(idleTimer);
  const target = renderer();
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Referenced only while it has work: an idle renderer must not keep the process alive (scripts, tests, shutdown).
    target.ref();
    target.postMessage({ id, svg, width });
  });
}

import "server-only";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { PosterContent } from "./poster-content";
import { POSTER_FONT_FAMILY, posterFontBytes } from "./poster-fonts";
import { renderPosterSvg } from "./render-poster-svg";

let wasmReady: Promise<void> | undefined;

/**
 * resvg's WebAssembly, compiled once per process from the file in the package (no native
 * binary, nothing fetched). A second copy of this module (dev hot reload) finds resvg
 * already initialized, which is just as good.
 */
function ensureResvg(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    // turbopackIgnore: the file is read as bytes; bundled, Turbopack would compile it as a wasm module.
    const wasm = readFileSync(require.resolve(/* turbopackIgnore: true */ "@resvg/resvg-wasm/index_bg.wasm"));
    try {
      await initWasm(wasm);
    } catch (error) {
      if (!(error instanceof Error && error.message.includes("Already initialized"))) throw error;
    }
  })();
  wasmReady.catch(() => {
    wasmReady = undefined; // let the next call try again
  });
  return wasmReady;
}

/** The store's A4 QR poster as a PNG `widthPx` pixels wide (1240 px ≈ 150 dpi on A4). */
export async function renderPosterPng(content: PosterContent, widthPx = 1240): Promise<Uint8Array> {
  if (!Number.isInteger(widthPx) || widthPx < 100 || widthPx > 10_000) throw new RangeError("widthPx must be an integer from 100 to 10000");
  const [svg] = await Promise.all([renderPosterSvg(content), ensureResvg()]);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: widthPx },
    font: {
      fontBuffers: [posterFontBytes("regular"), posterFontBytes("bold")],
      defaultFontFamily: POSTER_FONT_FAMILY,
      sansSerifFamily: POSTER_FONT_FAMILY,
    },
  });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

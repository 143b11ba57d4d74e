import "server-only";
import * as fontkitModule from "@pdf-lib/fontkit";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The one typeface of the posters, Inter (SIL Open Font License), shipped as TTF by
 * @expo-google-fonts/inter. resvg and pdf-lib both need the raw TrueType bytes (neither
 * reads WOFF2), and laying the text out with the same font's metrics is what keeps a
 * name from running off the page in either the PNG or the PDF.
 */
export const POSTER_FONT_FAMILY = "Inter";

export type PosterFontWeight = "regular" | "bold";

const FONT_FILES: Record<PosterFontWeight, string> = {
  regular: "@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf",
  bold: "@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf",
};

/**
 * fontkit ships a UMD bundle: Node's ESM loader sees only its `default` export, while bundlers
 * and vitest hand out the named ones. Both shapes end up here, and pdf-lib gets the same object.
 */
export const fontkit: typeof fontkitModule = (fontkitModule as { default?: typeof fontkitModule }).default ?? fontkitModule;

type LoadedFont = { bytes: Uint8Array; font: fontkitModule.Font; widths: Map<string, number> };

let loaded: Record<PosterFontWeight, LoadedFont> | undefined;

function fonts(): Record<PosterFontWeight, LoadedFont> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const load = (weight: PosterFontWeight): LoadedFont => {
      // turbopackIgnore: resolved by Node at run time, not bundled (Turbopack has no loader for .ttf).
      const bytes = new Uint8Array(readFileSync(require.resolve(/* turbopackIgnore: true */ FONT_FILES[weight])));
      return { bytes, font: fontkit.create(bytes), widths: new Map() };
    };
    loaded = { regular: load("regular"), bold: load("bold") };
  }
  return loaded;
}

/** The TrueType file of a weight, read once per process. */
export function posterFontBytes(weight: PosterFontWeight): Uint8Array {
  return fonts()[weight].bytes;
}

/**
 * The width of `text` at `size`: the sum of the glyphs' advance widths, without kerning.
 * That is exactly what a PDF viewer draws; resvg kerns, so its lines come out a hair shorter,
 * never longer.
 */
export function measurePosterText(text: string, size: number, weight: PosterFontWeight): number {
  const { font, widths } = fonts()[weight];
  let width = widths.get(text);
  if (width === undefined) {
    width = font.layout(text).glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0) / font.unitsPerEm;
    widths.set(text, width);
  }
  return width * size;
}

import "server-only";
import QRCode from "qrcode";
import type { PosterContent } from "./poster-content";
import { measurePosterText, type PosterFontWeight } from "./poster-fonts";

/**
 * Where everything on a store's QR poster goes, in A4 points (595 × 842, y downwards),
 * as a list of shapes painted in order. The SVG and the PDF renderers draw this same
 * list, so the two can only differ in how they paint a shape, never in what or where.
 */

export const POSTER_WIDTH = 595;
export const POSTER_HEIGHT = 842;

/** Level M survives a smudge or a glare on ~15% of the code; the 4-module quiet zone is what the standard asks. */
export const POSTER_QR_OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

export type PosterRect = {
  kind: "rect";
  x: number;
  y: number;
  width: number;
  height: number;
  radius: number;
  fill: string;
  fillOpacity: number;
  stroke?: { color: string; width: number; opacity: number };
};
export type PosterCircle = { kind: "circle"; cx: number; cy: number; r: number; fill: string };
/** One line of text; `y` is its baseline. */
export type PosterText = {
  kind: "text";
  text: string;
  x: number;
  y: number;
  size: number;
  weight: PosterFontWeight;
  fill: string;
  fillOpacity: number;
  anchor: "start" | "middle";
};
/** The QR symbol with its quiet zone: `size` points square, `moduleCount` modules across plus the margin each side. */
export type PosterQr = { kind: "qr"; x: number; y: number; size: number; moduleCount: number; margin: number; color: string; text: string };
export type PosterShape = PosterRect | PosterCircle | PosterText | PosterQr;

export type PosterLayout = { width: number; height: number; background: string; shapes: PosterShape[] };

const PAGE_MARGIN = 28; // ≈ 10 mm: inside what any office printer can print
const CONTENT_WIDTH = POSTER_WIDTH - 2 * 56;
const HEADER_PADDING = 30;
const QR_SYMBOL_TARGET = 300; // ≈ 10.6 cm of modules: the 1:10 rule of thumb gives a metre, phone cameras do better
const QR_MIN_SIZE = 320; // with the quiet zone; the layout shrinks text before going below
const URL_PADDING = 14;
const STEP_BULLET_RADIUS = 11;
const STEP_TEXT_OFFSET = 34;
const STEP_GAP = 10;
const MIN_GAPS = { afterHeader: 24, beforeQr: 20, beforeSteps: 22, beforeStore: 18 };

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** Lays out a poster; throws a RangeError for a colour that is not "#rrggbb" or a poster without a join URL. */
export function layoutPoster(content: PosterContent): PosterLayout {
  for (const key of ["backgroundColor", "foregroundColor", "accentColor"] as const) {
    if (!HEX_COLOR.test(content[key])) throw new RangeError(`${key} must be "#rrggbb", got ${JSON.stringify(content[key])}`);
  }
  if (!content.joinUrl.trim()) throw new RangeError("a poster needs a join URL");
  const moduleCount = QRCode.create(content.joinUrl, POSTER_QR_OPTIONS).modules.size;
  // Every text has a line limit, so the worst case is bounded: when all of them are long at
  // once, the QR would drop below QR_MIN_SIZE, and all the text steps down a size instead.
  let attempt = tryLayout(content, moduleCount, 1);
  for (let textScale = 0.9; !attempt.fits && textScale >= 0.5; textScale -= 0.1) attempt = tryLayout(content, moduleCount, textScale);
  return attempt.layout;
}

type Block = { height: number; draw: (top: number, shapes: PosterShape[]) => void };

function tryLayout(content: PosterContent, moduleCount: number, textScale: number): { layout: PosterLayout; fits: boolean } {
  const s = (size: number) => size * textScale;
  const foreground = content.foregroundColor;
  const onAccent = readableOn(content.accentColor, [content.backgroundColor, foreground]);
  // The QR is always dark modules on white, whatever the brand colours: scanners need the contrast.
  const qrColor = contrastRatio(foreground, "#ffffff") >= 7 ? foreground : "#000000";

  const title = { weight: "bold", shrinkBeforeWrap: 0.8, maxWidth: CONTENT_WIDTH } as const;
  const running = { weight: "regular", shrinkBeforeWrap: 1, maxWidth: CONTENT_WIDTH } as const;
  const merchant = fitText(content.merchantName, { ...title, maxSize: s(38), minSize: s(20), maxLines: 2 });
  const headline = fitText(content.headline, { ...title, maxSize: s(26), minSize: s(16), maxLines: 2 });
  const body = fitText(content.body, { ...running, maxWidth: CONTENT_WIDTH - 40, maxSize: s(13), minSize: s(10), maxLines: 3 });
  const steps = content.steps.map((step) =>
    fitText(step, {
      ...running,
      shrinkBeforeWrap: 0.85,
      maxWidth: CONTENT_WIDTH - STEP_TEXT_OFFSET,
      maxSize: s(13),
      minSize: s(10),
      maxLines: 2,
    }),
  );
  const store = fitText(content.storeName, { ...title, maxSize: s(15), minSize: s(11), maxLines: 2 });
  const footer = fitText(content.footer, { ...running, maxSize: s(10), minSize: s(8), maxLines: 2 });
  // The URL sits in the QR card, which is never narrower than QR_MIN_SIZE.
  const url = fitText(content.joinUrl, {
    ...running,
    shrinkBeforeWrap: 0.8,
    maxWidth: QR_MIN_SIZE - 24,
    maxSize: 11,
    minSize: 7.5,
    maxLines: 2,
    url: true,
  });

  const header: Block = {
    height: 2 * HEADER_PADDING + merchant.height,
    draw(top, shapes) {
      shapes.push(rect(PAGE_MARGIN, top, POSTER_WIDTH - 2 * PAGE_MARGIN, this.height, 18, content.accentColor));
      pushLines(shapes, merchant, top + HEADER_PADDING, { fill: onAccent });
    },
  };
  const intro: Block = {
    height: headline.height + (body.lines.length ? 8 + body.height : 0),
    draw(top, shapes) {
      pushLines(shapes, headline, top, { fill: foreground });
      pushLines(shapes, body, top + headline.height + 8, { fill: foreground, fillOpacity: 0.78 });
    },
  };
  const stepsBlock = stepsLayout(steps, content.accentColor, onAccent, foreground, s(12));
  const closing: Block = {
    height: store.height + (footer.lines.length ? 6 + footer.height : 0),
    draw(top, shapes) {
      pushLines(shapes, store, top, { fill: foreground });
      pushLines(shapes, footer, top + store.height + 6, { fill: foreground, fillOpacity: 0.65 });
    },
  };

  const available = POSTER_HEIGHT - 2 * PAGE_MARGIN;
  const gaps = Object.values(MIN_GAPS);
  const fixed = header.height + intro.height + stepsBlock.height + closing.height + gaps.reduce((a, b) => a + b, 0);
  const qrExtra = url.height + URL_PADDING * 2; // the card below the quiet zone, holding the URL
  const qrPreferred = Math.min(400, (QR_SYMBOL_TARGET * (moduleCount + 2 * POSTER_QR_OPTIONS.margin)) / moduleCount);
  // Never below QR_MIN_SIZE, even for contents no merchant would type (twelve steps…): a poster
  // whose QR does not scan is worthless, one whose footer runs into the margin is merely ugly.
  const qrSize = Math.max(QR_MIN_SIZE, Math.min(qrPreferred, available - fixed - qrExtra));

  const qrCard: Block = {
    height: qrSize + qrExtra,
    draw(top, shapes) {
      const x = (POSTER_WIDTH - qrSize) / 2;
      shapes.push({ ...rect(x, top, qrSize, this.height, 14, "#ffffff"), stroke: { color: foreground, width: 1, opacity: 0.14 } });
      shapes.push({
        kind: "qr",
        x,
        y: top,
        size: qrSize,
        moduleCount,
        margin: POSTER_QR_OPTIONS.margin,
        color: qrColor,
        text: content.joinUrl,
      });
      pushLines(shapes, url, top + qrSize + URL_PADDING - 4, { fill: qrColor, fillOpacity: 0.85 });
    },
  };

  // What is left goes into the gaps, evenly, so a short poster does not bunch up at the top.
  const slack = Math.max(0, available - fixed - qrCard.height) / gaps.length;
  const shapes: PosterShape[] = [rect(0, 0, POSTER_WIDTH, POSTER_HEIGHT, 0, content.backgroundColor)];
  let top = PAGE_MARGIN;
  const blocks: Array<[Block, number]> = [
    [header, MIN_GAPS.afterHeader],
    [intro, MIN_GAPS.beforeQr],
    [qrCard, MIN_GAPS.beforeSteps],
    [stepsBlock, MIN_GAPS.beforeStore],
    [closing, 0],
  ];
  for (const [block, gap] of blocks) {
    block.draw(top, shapes);
    top += block.height + (gap ? gap + slack : 0);
  }
  return {
    layout: { width: POSTER_WIDTH, height: POSTER_HEIGHT, background: content.backgroundColor, shapes },
    fits: fixed + qrCard.height <= available,
  };
}

function stepsLayout(steps: FittedText[], accent: string, onAccent: string, foreground: string, numberSize: number): Block {
  const rows = steps.filter((step) => step.lines.length > 0);
  const rowHeights = rows.map((step) => Math.max(2 * STEP_BULLET_RADIUS, step.height));
  const textWidth = Math.max(0, ...rows.flatMap((step) => step.lines.map((line) => measurePosterText(line, step.size, "regular"))));
  // The list is left-aligned, and the list as a whole is centred on the page.
  const left = (POSTER_WIDTH - (STEP_TEXT_OFFSET + textWidth)) / 2;
  return {
    height: rowHeights.reduce((a, b) => a + b, 0) + STEP_GAP * Math.max(0, rows.length - 1),
    draw(top, shapes) {
      let y = top;
      rows.forEach((step, index) => {
        const rowHeight = rowHeights[index]!;
        const middle = y + rowHeight / 2;
        shapes.push({ kind: "circle", cx: left + STEP_BULLET_RADIUS, cy: middle, r: STEP_BULLET_RADIUS, fill: accent });
        // Baselines sit half a cap height (≈ 0.36 em in Inter) below the row's middle.
        shapes.push(
          textShape(String(index + 1), left + STEP_BULLET_RADIUS, middle + numberSize * 0.36, numberSize, "bold", onAccent, "middle"),
        );
        const firstBaseline = middle + step.size * 0.36 - ((step.lines.length - 1) * step.lineHeight) / 2;
        pushLines(shapes, step, firstBaseline - step.size * BASELINE, { fill: foreground, x: left + STEP_TEXT_OFFSET, anchor: "start" });
        y += rowHeight + STEP_GAP;
      });
    },
  };
}

// --- text ---------------------------------------------------------------------------------

type FittedText = { lines: string[]; size: number; weight: PosterFontWeight; lineHeight: number; height: number };
type FitOptions = {
  weight: PosterFontWeight;
  maxWidth: number;
  maxSize: number;
  minSize: number;
  maxLines: number;
  /** How far a text may shrink to save a line before it wraps: titles a little, running text not at all. */
  shrinkBeforeWrap: number;
  /** For a URL: it has no spaces, so it wraps after a "/", "." or "-", or else between any two characters. */
  url?: boolean;
};

const LINE_HEIGHT = 1.25;
/** From the top of a line box to its baseline, in em. */
const BASELINE = 0.95;
const ELLIPSIS = "…";

/**
 * The largest size at which `text` fits `maxWidth` in at most `maxLines` lines. A title first
 * shrinks a little to save a line (down to `shrinkBeforeWrap` of its size) before it wraps; past
 * `minSize` on `maxLines` lines the last line ends with an ellipsis. Lines are balanced, so a
 * two-line name breaks near its middle rather than leaving one word alone on the second line.
 */
function fitText(raw: string, options: FitOptions): FittedText {
  const text = raw.replace(/\s+/g, " ").trim();
  const { weight, minSize, maxSize, maxLines, maxWidth, shrinkBeforeWrap, url = false } = options;
  const fitted = (lines: string[], size: number): FittedText => ({
    lines,
    size,
    weight,
    lineHeight: size * LINE_HEIGHT,
    height: lines.length ? size + (lines.length - 1) * size * LINE_HEIGHT + size * 0.25 : 0,
  });
  if (!text) return fitted([], maxSize);

  for (let lineCount = 1; lineCount <= maxLines; lineCount++) {
    const floor = lineCount < maxLines ? Math.max(minSize, maxSize * shrinkBeforeWrap) : minSize;
    for (let size = maxSize; size >= floor - 1e-9; size -= 0.5) {
      const lines = wrap(text, size, weight, maxWidth, url);
      if (lines.length <= lineCount) return fitted(balance(text, lines.length, size, weight, maxWidth, url), size);
    }
  }
  const lines = wrap(text, minSize, weight, maxWidth, url);
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(lines.slice(maxLines - 1).join(url ? "" : " "), minSize, weight, maxWidth);
  return fitted(kept, minSize);
}

/** Greedy wrapping between words (URL parts); a word wider than the line is cut between characters. */
function wrap(text: string, size: number, weight: PosterFontWeight, maxWidth: number, url: boolean): string[] {
  const fits = (line: string) => measurePosterText(line, size, weight) <= maxWidth;
  const lines: string[] = [];
  let line = "";
  const pieces = url ? text.split(/(?<=[/.\-?&=_])/) : text.split(" ");
  const joiner = url ? "" : " ";
  for (const piece of pieces) {
    const candidate = line ? line + joiner + piece : piece;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    for (const char of Array.from(piece)) {
      if (line && !fits(line + char)) {
        lines.push(line);
        line = "";
      }
      line += char;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The same number of lines, in the narrowest width that still holds them. */
function balance(text: string, lineCount: number, size: number, weight: PosterFontWeight, maxWidth: number, url: boolean): string[] {
  let best = wrap(text, size, weight, maxWidth, url);
  if (lineCount < 2) return best;
  let low = maxWidth / lineCount;
  let high = maxWidth;
  while (high - low > 1) {
    const width = (low + high) / 2;
    const lines = wrap(text, size, weight, width, url);
    if (lines.length <= lineCount) {
      best = lines;
      high = width;
    } else {
      low = width;
    }
  }
  return best;
}

function ellipsize(text: string, size: number, weight: PosterFontWeight, maxWidth: number): string {
  const chars = Array.from(text);
  while (chars.length && measurePosterText(chars.join("").trimEnd() + ELLIPSIS, size, weight) > maxWidth) chars.pop();
  return chars.join("").trimEnd() + ELLIPSIS;
}

function pushLines(
  shapes: PosterShape[],
  block: FittedText,
  top: number,
  style: { fill: string; fillOpacity?: number; x?: number; anchor?: "start" | "middle" },
): void {
  block.lines.forEach((line, index) => {
    const baseline = top + block.size * BASELINE + index * block.lineHeight;
    shapes.push(
      textShape(
        line,
        style.x ?? POSTER_WIDTH / 2,
        baseline,
        block.size,
        block.weight,
        style.fill,
        style.anchor ?? "middle",
        style.fillOpacity,
      ),
    );
  });
}

function textShape(
  text: string,
  x: number,
  y: number,
  size: number,
  weight: PosterFontWeight,
  fill: string,
  anchor: "start" | "middle",
  fillOpacity = 1,
): PosterText {
  return { kind: "text", text, x, y, size, weight, fill, fillOpacity, anchor };
}

function rect(x: number, y: number, width: number, height: number, radius: number, fill: string): PosterRect {
  return { kind: "rect", x, y, width, height, radius, fill, fillOpacity: 1 };
}

// --- colour -------------------------------------------------------------------------------

/** WCAG relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two "#rrggbb" colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The brand colour that reads best on `background`, or black or white when neither reads well. */
function readableOn(background: string, candidates: string[]): string {
  const best = [...candidates].sort((a, b) => contrastRatio(b, background) - contrastRatio(a, background))[0]!;
  if (contrastRatio(best, background) >= 4.5) return best;
  return contrastRatio("#ffffff", background) >= contrastRatio("#111111", background) ? "#ffffff" : "#111111";
}

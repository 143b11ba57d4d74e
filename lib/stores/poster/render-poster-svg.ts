import "server-only";
import QRCode from "qrcode";
import { layoutPoster, POSTER_QR_OPTIONS, type PosterQr, type PosterShape } from "./layout-poster";
import type { PosterContent } from "./poster-content";
import { POSTER_FONT_FAMILY } from "./poster-fonts";

/** Fallbacks for a browser without Inter; resvg is given Inter itself (render-poster-png.ts). */
const FONT_STACK = `${POSTER_FONT_FAMILY}, "Helvetica Neue", Arial, sans-serif`;

/** The store's A4 QR poster as an SVG document, 595 × 842 user units (points). */
export async function renderPosterSvg(content: PosterContent): Promise<string> {
  const layout = layoutPoster(content);
  const parts: string[] = [];
  for (const shape of layout.shapes) parts.push(await renderShape(shape));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${escapeXml(FONT_STACK)}">`,
    `<title>${escapeXml(`${content.merchantName} – ${content.storeName}`)}</title>`,
    ...parts,
    "</svg>",
  ].join("\n");
}

async function renderShape(shape: PosterShape): Promise<string> {
  switch (shape.kind) {
    case "rect": {
      const stroke = shape.stroke
        ? ` stroke="${shape.stroke.color}" stroke-width="${n(shape.stroke.width)}" stroke-opacity="${n(shape.stroke.opacity)}"`
        : "";
      const radius = shape.radius ? ` rx="${n(shape.radius)}"` : "";
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}"${radius} fill="${shape.fill}"${opacity(shape.fillOpacity)}${stroke}/>`;
    }
    case "circle":
      return `<circle cx="${n(shape.cx)}" cy="${n(shape.cy)}" r="${n(shape.r)}" fill="${shape.fill}"/>`;
    case "text": {
      const anchor = shape.anchor === "middle" ? ` text-anchor="middle"` : "";
      const weight = shape.weight === "bold" ? ` font-weight="700"` : "";
      return `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${n(shape.size)}"${weight} fill="${shape.fill}"${opacity(shape.fillOpacity)}${anchor}>${escapeXml(shape.text)}</text>`;
    }
    case "qr":
      return renderQr(shape);
  }
}

/**
 * qrcode draws the symbol as SVG paths in module units, quiet zone included; it is nested
 * here as an <svg> whose viewBox scales it to the poster's QR square. Its light modules are
 * left transparent: the QR sits on the white card, whose rounded corners stay visible.
 */
async function renderQr(qr: PosterQr): Promise<string> {
  const svg = await QRCode.toString(qr.text, { ...POSTER_QR_OPTIONS, type: "svg", color: { dark: qr.color, light: "#0000" } });
  const side = qr.moduleCount + 2 * qr.margin;
  const open = svg.match(/^<svg [^>]*viewBox="0 0 (\d+) (\d+)"[^>]*>/);
  if (!open || Number(open[1]) !== side || Number(open[2]) !== side) throw new Error("qrcode returned an unexpected SVG");
  const paths = svg.slice(open[0].length).replace(/<\/svg>\s*$/, "");
  return `<svg x="${n(qr.x)}" y="${n(qr.y)}" width="${n(qr.size)}" height="${n(qr.size)}" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">${paths}</svg>`;
}

/**
 * Text and attribute values for XML. Characters XML 1.0 forbids (most C0 controls, lone
 * surrogates) are dropped: a pasted name containing one would otherwise make the whole
 * document unreadable.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function opacity(value: number): string {
  return value < 1 ? ` fill-opacity="${n(value)}"` : "";
}

/** Two decimals are a hundredth of a point: plenty, and the file stays short. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

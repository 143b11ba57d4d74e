import "server-only";
import { PageSizes, PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import QRCode from "qrcode";
import { layoutPoster, POSTER_HEIGHT, POSTER_QR_OPTIONS, POSTER_WIDTH, type PosterQr, type PosterShape } from "./layout-poster";
import type { PosterContent } from "./poster-content";
import { fontkit, posterFontBytes, type PosterFontWeight } from "./poster-fonts";

/**
 * The store's QR poster as a one-page A4 PDF, all vectors: the same layout as the SVG, the QR
 * drawn module by module, the text in embedded Inter so accents print as typed.
 */
export async function renderPosterPdf(content: PosterContent): Promise<Uint8Array> {
  const layout = layoutPoster(content);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  // The whole font files (≈ 350 kB in the PDF): pdf-lib's subsetter corrupts Inter's glyph
  // outlines, which viewers then draw as nothing (the test compares with the PNG to catch it).
  const fonts: Record<PosterFontWeight, PDFFont> = {
    regular: await pdf.embedFont(posterFontBytes("regular"), { subset: false }),
    bold: await pdf.embedFont(posterFontBytes("bold"), { subset: false }),
  };
  pdf.setTitle(`${content.merchantName} – ${content.storeName}`);
  pdf.setSubject(content.joinUrl);

  const page = pdf.addPage(PageSizes.A4);
  const { width, height } = page.getSize();
  // A4 is 595.28 × 841.89 pt and the layout 595 × 842: centre it, a tenth of a point either way.
  const offsetX = (width - POSTER_WIDTH) / 2;
  const offsetY = (height - POSTER_HEIGHT) / 2;
  const at = { x: (x: number) => x + offsetX, y: (y: number) => height - (y + offsetY) };

  page.drawRectangle({ x: 0, y: 0, width, height, color: color(layout.background) });
  for (const shape of layout.shapes) drawShape(page, shape, fonts, at);
  return pdf.save();
}

type Transform = { x: (x: number) => number; y: (y: number) => number };

function drawShape(page: PDFPage, shape: PosterShape, fonts: Record<PosterFontWeight, PDFFont>, at: Transform): void {
  switch (shape.kind) {
    case "rect":
      page.drawSvgPath(roundedRectPath(shape.width, shape.height, shape.radius), {
        x: at.x(shape.x),
        y: at.y(shape.y),
        color: color(shape.fill),
        opacity: shape.fillOpacity,
        ...(shape.stroke && {
          borderColor: color(shape.stroke.color),
          borderWidth: shape.stroke.width,
          borderOpacity: shape.stroke.opacity,
        }),
      });
      return;
    case "circle":
      page.drawCircle({ x: at.x(shape.cx), y: at.y(shape.cy), size: shape.r, color: color(shape.fill) });
      return;
    case "text": {
      const font = fonts[shape.weight];
      const left = shape.anchor === "middle" ? shape.x - font.widthOfTextAtSize(shape.text, shape.size) / 2 : shape.x;
      page.drawText(shape.text, {
        x: at.x(left),
        y: at.y(shape.y),
        size: shape.size,
        font,
        color: color(shape.fill),
        opacity: shape.fillOpacity,
      });
      return;
    }
    case "qr":
      drawQr(page, shape, at);
      return;
  }
}

/**
 * Each row's runs of dark modules become one rectangle, and all of them one filled path:
 * a single fill leaves no hairline seams between neighbouring modules in a viewer. The light
 * modules and the quiet zone are the white card the layout puts under the QR.
 */
function drawQr(page: PDFPage, qr: PosterQr, at: Transform): void {
  const { modules } = QRCode.create(qr.text, POSTER_QR_OPTIONS);
  if (modules.size !== qr.moduleCount) throw new Error("the QR code changed between layout and drawing");
  const moduleSize = qr.size / (qr.moduleCount + 2 * qr.margin);
  const runs: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const start = col;
      while (col + 1 < modules.size && modules.get(row, col + 1)) col++;
      const x = (qr.margin + start) * moduleSize;
      const y = (qr.margin + row) * moduleSize;
      runs.push(`M${r(x)} ${r(y)}H${r(x + (col - start + 1) * moduleSize)}V${r(y + moduleSize)}H${r(x)}Z`);
    }
  }
  page.drawSvgPath(runs.join(""), { x: at.x(qr.x), y: at.y(qr.y), color: color(qr.color) });
}

/** A rectangle with rounded corners as an SVG path from (0, 0), y downwards (what drawSvgPath takes). */
function roundedRectPath(width: number, height: number, radius: number): string {
  const rr = Math.min(radius, width / 2, height / 2);
  if (rr <= 0) return `M0 0H${r(width)}V${r(height)}H0Z`;
  const k = rr * (1 - 0.5523); // control points of a quarter circle as a cubic Bézier
  return [
    `M${r(rr)} 0H${r(width - rr)}`,
    `C${r(width - k)} 0 ${r(width)} ${r(k)} ${r(width)} ${r(rr)}`,
    `V${r(height - rr)}`,
    `C${r(width)} ${r(height - k)} ${r(width - k)} ${r(height)} ${r(width - rr)} ${r(height)}`,
    `H${r(rr)}`,
    `C${r(k)} ${r(height)} 0 ${r(height - k)} 0 ${r(height - rr)}`,
    `V${r(rr)}`,
    `C0 ${r(k)} ${r(k)} 0 ${r(rr)} 0Z`,
  ].join("");
}

function color(hex: string): RGB {
  return rgb(parseInt(hex.slice(1, 3), 16) / 255, parseInt(hex.slice(3, 5), 16) / 255, parseInt(hex.slice(5, 7), 16) / 255);
}

/** Thousandths of a point. */
function r(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

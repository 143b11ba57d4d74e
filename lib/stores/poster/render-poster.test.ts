import jsQR from "jsqr";
import * as mupdf from "mupdf";
import { PDFDocument } from "pdf-lib";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { layoutPoster, POSTER_HEIGHT, POSTER_WIDTH } from "./layout-poster";
import type { PosterContent } from "./poster-content";
import { measurePosterText } from "./poster-fonts";
import { renderPosterPdf } from "./render-poster-pdf";
import { renderPosterPng } from "./render-poster-png";
import { escapeXml, renderPosterSvg } from "./render-poster-svg";

const content: PosterContent = {
  merchantName: "Café <Zoë> & Söhne",
  storeName: "Bäckerei Esch-sur-Alzette",
  joinUrl: "https://loyalty.test/join/K7M2QXP",
  headline: "Join our loyalty program",
  body: "Collect a stamp with every purchase; your tenth coffee is on us.",
  steps: ["Scan the QR code with your camera", "Enter your first name", "Add the card to your wallet"],
  footer: "Your data stays with Café Zoë. No app needed.",
  backgroundColor: "#fffaf3",
  foregroundColor: "#2b2118",
  accentColor: "#b4532a",
};

/** 60 characters each, no spaces where it hurts most, and every accent the three languages use. */
const longest: PosterContent = {
  ...content,
  merchantName: "Äpfel & Öl <Großhandel> Müller-Lüdenscheidt Söhne GmbH & Co.",
  storeName: "Filiale Esch-sur-Alzette, Rue de l'Alzette 123, Bâtiment Ç é",
  headline: "Mach mat bei eisem Treieprogramm fir all eis Clienten vun hei",
  joinUrl: "https://treieprogramm.baeckerei-mueller-luedenscheidt.lu/join/ABCDEFGHJKMNPQRS",
  steps: [
    "Scannt de QR-Code mat Ärer Kamera oder tippt d'Adress an Ären Browser an",
    "Gitt Ären Virnumm an Är E-Mail-Adress an, dat dauert just e Moment",
    "Späichert d'Kaart an Ärem Wallet op Ärem Handy oder Ärer Smartwatch",
  ],
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function readPng(bytes: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(bytes));
}

/** What a phone would read off the image: jsQR on the whole poster, not on a crop. */
function decodeQr(png: PNG): string | undefined {
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
}

/** The PDF page rasterized by MuPDF (WebAssembly), `widthPx` wide, as a PNG. */
function rasterizePdf(pdf: Uint8Array, widthPx: number): { png: PNG; text: string } {
  const document = mupdf.Document.openDocument(pdf, "application/pdf");
  const page = document.loadPage(0);
  const [x0, , x1] = page.getBounds();
  const scale = widthPx / (x1 - x0);
  const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
  return { png: readPng(pixmap.asPNG()), text: page.toStructuredText("preserve-whitespace").asText() };
}

describe("renderPosterSvg", () => {
  it("prints the names and the join URL, escaped for XML", async () => {
    const svg = await renderPosterSvg(content);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="595" height="842" viewBox="0 0 595 842"/);
    expect(svg).toContain(">Café &lt;Zoë&gt; &amp; Söhne</text>");
    expect(svg).toContain(">Bäckerei Esch-sur-Alzette</text>");
    expect(svg).toContain(">https://loyalty.test/join/K7M2QXP</text>");
    expect(svg).not.toContain("<Zoë>");
    expect(svg).toContain('font-family="Inter,');
    for (const [index, step] of content.steps.entries()) {
      expect(svg).toContain(`>${index + 1}</text>`);
      expect(svg).toContain(`>${step}</text>`);
    }
  });

  it("draws the QR as vector paths at least 300 points wide", async () => {
    const svg = await renderPosterSvg(content);
    const qr = svg.match(
      /<svg x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="([\d.]+)" viewBox="0 0 (\d+) \3" shape-rendering="crispEdges"><path/,
    );
    expect(qr).not.toBeNull();
    expect(Number(qr![1])).toBeGreaterThanOrEqual(300);
    expect(svg).not.toContain("<image");
  });

  it("refuses a colour that is not #rrggbb rather than writing it into an attribute", async () => {
    await expect(renderPosterSvg({ ...content, accentColor: 'red" onload="alert(1)' })).rejects.toThrow(RangeError);
  });
});

describe("escapeXml", () => {
  it("escapes markup and drops characters XML cannot hold", () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
    expect(escapeXml("Zoë\u0000\u0007\u001b ß")).toBe("Zoë ß");
  });
});

describe("layoutPoster", () => {
  it.each([
    ["a short poster", content],
    ["60-character names and long steps", longest],
    ["an empty body and footer", { ...content, body: "", footer: "" }],
    ["unbroken 60-character names", { ...longest, merchantName: "W".repeat(60), storeName: "Ü".repeat(60), headline: "M".repeat(60) }],
  ])("keeps every line of %s on the page, with print margins", (_label, poster) => {
    const layout = layoutPoster(poster);
    const margin = 28;
    for (const shape of layout.shapes) {
      if (shape.kind !== "text") continue;
      const width = measurePosterText(shape.text, shape.size, shape.weight);
      const left = shape.anchor === "middle" ? shape.x - width / 2 : shape.x;
      expect(left, shape.text).toBeGreaterThanOrEqual(margin);
      expect(left + width, shape.text).toBeLessThanOrEqual(POSTER_WIDTH - margin);
      expect(shape.y - shape.size, shape.text).toBeGreaterThanOrEqual(margin);
      expect(shape.y + shape.size * 0.25, shape.text).toBeLessThanOrEqual(POSTER_HEIGHT - margin);
    }
    for (const shape of layout.shapes.slice(1)) {
      if (shape.kind !== "rect") continue;
      expect(shape.x).toBeGreaterThanOrEqual(margin);
      expect(shape.y).toBeGreaterThanOrEqual(margin);
      expect(shape.x + shape.width).toBeLessThanOrEqual(POSTER_WIDTH - margin);
      expect(shape.y + shape.height).toBeLessThanOrEqual(POSTER_HEIGHT - margin);
    }
    const qr = layout.shapes.find((shape) => shape.kind === "qr");
    expect(qr?.size).toBeGreaterThanOrEqual(300);
  });

  it("keeps a whole name when it fits on two lines, and ends a hopeless one with an ellipsis", () => {
    const lines = (poster: PosterContent) =>
      layoutPoster(poster)
        .shapes.filter((shape) => shape.kind === "text" && shape.weight === "bold")
        .map((shape) => (shape.kind === "text" ? shape.text : ""));
    const merchantLines = lines(longest).slice(0, 2);
    expect(merchantLines.join(" ")).toBe(longest.merchantName);
    const hopeless = lines({ ...content, merchantName: "Wunderbar ".repeat(30) }).slice(0, 2);
    expect(hopeless[1]).toMatch(/…$/);
  });
});

describe("renderPosterPng", () => {
  it("is a PNG of the requested width, A4-shaped", async () => {
    const png = await renderPosterPng(content);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // IHDR is the first chunk: length (4), "IHDR" (4), then width and height, big-endian.
    const header = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect(String.fromCharCode(...png.subarray(12, 16))).toBe("IHDR");
    expect(header.getUint32(16)).toBe(1240);
    expect(header.getUint32(20)).toBe(Math.round((1240 * 842) / 595));

    const small = await renderPosterPng(content, 600);
    expect(new DataView(small.buffer, small.byteOffset).getUint32(16)).toBe(600);
  });

  it.each([
    ["the sample poster", content],
    ["a poster with 60-character names and a long URL", longest],
    ["a dark poster", { ...content, backgroundColor: "#14213d", foregroundColor: "#f5f5f5", accentColor: "#fca311" }],
  ])("carries a QR code that reads back as the exact join URL: %s", async (_label, poster) => {
    expect(decodeQr(readPng(await renderPosterPng(poster)))).toBe(poster.joinUrl);
  });

  it("encodes each store's own URL", async () => {
    // A QR generated from anything but content.joinUrl (a constant, the store name…) fails here.
    const other = { ...content, joinUrl: "https://loyalty.test/join/ZZ9HJ4W" };
    expect(decodeQr(readPng(await renderPosterPng(other)))).toBe("https://loyalty.test/join/ZZ9HJ4W");
  });
});

describe("renderPosterPdf", () => {
  it("is a one-page A4 PDF whose text includes the names, accents and all", async () => {
    const pdf = await renderPosterPdf(content);
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe("%PDF-");
    const document = await PDFDocument.load(pdf);
    expect(document.getPageCount()).toBe(1);
    const { width, height } = document.getPage(0).getSize();
    expect(width).toBeCloseTo(595.28, 2);
    expect(height).toBeCloseTo(841.89, 2);
    expect(document.getTitle()).toBe("Café <Zoë> & Söhne – Bäckerei Esch-sur-Alzette");

    const { text } = rasterizePdf(pdf, 600);
    expect(text).toContain("Café <Zoë> & Söhne");
    expect(text).toContain("Bäckerei Esch-sur-Alzette");
    expect(text).toContain("https://loyalty.test/join/K7M2QXP");
    expect(text).toContain("Scan the QR code with your camera");
  });

  it.each([
    ["the sample poster", content],
    ["a poster with 60-character names and a long URL", longest],
  ])("carries a QR code that reads back as the exact join URL once printed: %s", async (_label, poster) => {
    const { png } = rasterizePdf(await renderPosterPdf(poster), 1240);
    expect(decodeQr(png)).toBe(poster.joinUrl);
  });

  it("looks like the PNG: the same layout, and its text is drawn, not just extractable", async () => {
    // A broken embedded font (pdf-lib's subsetter mangles Inter's outlines) still extracts as
    // text but draws nothing. Comparing the ink in 16-pixel squares with resvg's rendering
    // catches that, and any drift between the two renderers, while ignoring anti-aliasing
    // (measured: ≤ 14 of 255 when right, > 100 with the subset font).
    const block = 16;
    const fromPdf = rasterizePdf(await renderPosterPdf(longest), 600).png;
    const fromSvg = readPng(await renderPosterPng(longest, 600));
    let worst = 0;
    for (let top = 0; top + block <= Math.min(fromPdf.height, fromSvg.height); top += block) {
      for (let left = 0; left + block <= 600; left += block) {
        let sum = 0;
        for (let y = top; y < top + block; y++) {
          for (let x = left; x < left + block; x++) {
            const i = (y * 600 + x) * 4;
            for (let c = 0; c < 3; c++) sum += fromPdf.data[i + c]! - fromSvg.data[i + c]!;
          }
        }
        worst = Math.max(worst, Math.abs(sum) / (3 * block * block));
      }
    }
    expect(worst).toBeLessThan(40);
  });
});

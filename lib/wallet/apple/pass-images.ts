import "server-only";
import { LRUCache } from "lru-cache";
import { renderPngOffThread } from "./render-png-off-thread";

/** What the images are drawn from: the program's branding. */
export type PassBranding = {
  programKey: string;
  cardName: string;
  backgroundColor: string;
  foregroundColor: string;
  labelColor: string;
  logo: { bytes: Uint8Array; mimeType: string } | null;
};

/** Apple's sizes in points for a storeCard (Wallet Developer Guide, "Pass design"); @2x and @3x are these times 2 and 3. */
export const IMAGE_SIZES = {
  icon: { width: 29, height: 29 },
  logo: { width: 160, height: 50 },
  strip: { width: 375, height: 144 },
} as const;

const SCALES = [1, 2, 3] as const;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function logoHref(branding: PassBranding): string | null {
  return branding.logo ? `data:${branding.logo.mimeType};base64,${Buffer.from(branding.logo.bytes).toString("base64")}` : null;
}

function iconSvg(branding: PassBranding): string {
  const { width, height } = IMAGE_SIZES.icon;
  const href = logoHref(branding);
  const inner = href
    ? `<image href="${href}" x="2" y="2" width="${width - 4}" height="${height - 4}" preserveAspectRatio="xMidYMid meet"/>`
    : `<text x="${width / 2}" y="${height / 2 + 6}" font-size="17" font-weight="700" text-anchor="middle" fill="${branding.foregroundColor}">${escapeXml(
        (branding.cardName.trim()[0] ?? "★").toUpperCase(),
      )}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" rx="6" fill="${branding.backgroundColor}"/>${inner}</svg>`;
}

function logoSvg(branding: PassBranding): string {
  const { width, height } = IMAGE_SIZES.logo;
  const href = logoHref(branding);
  const inner = href
    ? `<image href="${href}" x="0" y="0" width="${height}" height="${height}" preserveAspectRatio="xMinYMid meet"/>`
    : `<circle cx="${height / 2}" cy="${height / 2}" r="${height / 2 - 4}" fill="${branding.labelColor}"/><text x="${height / 2}" y="${height / 2 + 8}" font-size="22" font-weight="700" text-anchor="middle" fill="${branding.backgroundColor}">${escapeXml(
        (branding.cardName.trim()[0] ?? "★").toUpperCase(),
      )}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${inner}</svg>`;
}

/** The strip: one circle per stamp of the target, the earned ones filled and ticked, in one or two rows. */
function stripSvg(branding: PassBranding, stamps: number, target: number): string {
  const { width, height } = IMAGE_SIZES.strip;
  const rows = target > 10 ? 2 : 1;
  const perRow = Math.ceil(target / rows);
  const cell = Math.min((width - 24) / perRow, (height - 24) / rows);
  const radius = cell * 0.38;
  const left = (width - cell * perRow) / 2;
  const top = (height - cell * rows) / 2;
  const circles: string[] = [];
  for (let i = 0; i < target; i++) {
    const cx = left + cell * (i % perRow) + cell / 2;
    const cy = top + cell * Math.floor(i / perRow) + cell / 2;
    if (i < stamps) {
      const s = radius * 0.45;
      circles.push(
        `<circle cx="${cx}" cy="${cy}" r="${radius}" fill="${branding.foregroundColor}"/>`,
        `<path d="M${cx - s} ${cy} L${cx - s * 0.25} ${cy + s * 0.75} L${cx + s} ${cy - s * 0.7}" stroke="${branding.backgroundColor}" stroke-width="${radius * 0.22}" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`,
      );
    } else {
      circles.push(
        `<circle cx="${cx}" cy="${cy}" r="${radius - radius * 0.06}" fill="none" stroke="${branding.labelColor}" stroke-width="${radius * 0.12}" stroke-dasharray="${radius * 0.3} ${radius * 0.18}"/>`,
      );
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="${branding.backgroundColor}"/>${circles.join("")}</svg>`;
}

async function atScales(name: string, svg: string, width: number): Promise<Record<string, Buffer>> {
  const pngs = await Promise.all(SCALES.map((scale) => renderPngOffThread(svg, width * scale)));
  return Object.fromEntries(SCALES.map((scale, index) => [scale === 1 ? `${name}.png` : `${name}@${scale}x.png`, pngs[index]!]));
}

/*
 * Rendering is the one slow step of a pass after signing is made fast
 * (tens of milliseconds for nine PNGs, on a worker thread so the event loop
 * stays free: render-png-off-thread.ts), and its inputs change rarely: the
 * icon and logo only with the branding, the strip with the branding and the
 * stamp count. So images are cached per program version (programKey), and
 * strips per (program version, stamps): a new stamp on a card whose count
 * another card already showed renders nothing.
 *
 * The cache is bounded by its bytes, not its entries: a strip's three PNGs
 * weigh 35 to 60 kB and a program's icon and logo more with an uploaded logo,
 * so 2,000 entries could hold 100 MB of a server that should stay under 400.
 * 24 MB keeps the images of several hundred programs' busiest counts. A render
 * in flight is shared by every pass that asks for it meanwhile (fetch), and a
 * failed one is not kept.
 */
type Images = Record<string, Buffer>;

export const IMAGE_CACHE_BYTES = 24 * 1024 * 1024;

const cache = new LRUCache<string, Images, () => Promise<Images>>({
  maxSize: IMAGE_CACHE_BYTES,
  sizeCalculation: (images) =>
    Math.max(
      1,
      Object.values(images).reduce((sum, png) => sum + png.length, 0),
    ),
  fetchMethod: (_key, _stale, { context }) => context(),
  // A render still in flight when its entry is evicted finishes for those waiting on it.
  ignoreFetchAbort: true,
});

async function cached(key: string, render: () => Promise<Images>): Promise<Images> {
  const images = await cache.fetch(key, { context: render });
  // fetch gives undefined only for a fetchMethod that gave undefined, which a render never does.
  if (!images) throw new Error(`The pass images ${key} were not rendered.`);
  return images;
}

/** How many image sets and bytes the cache holds now (for tests). */
export function imageCacheUsage(): { entries: number; bytes: number } {
  return { entries: cache.size, bytes: cache.calculatedSize };
}

/** icon, logo (and strip when the program counts stamps) at @1x, @2x and @3x. */
export async function passImages(branding: PassBranding, stamps: { count: number; target: number } | null): Promise<Images> {
  const base = cached(`base:${branding.programKey}`, async () => {
    const [icon, logo] = await Promise.all([
      atScales("icon", iconSvg(branding), IMAGE_SIZES.icon.width),
      atScales("logo", logoSvg(branding), IMAGE_SIZES.logo.width),
    ]);
    return { ...icon, ...logo };
  });
  if (!stamps) return base;
  const count = Math.min(stamps.count, stamps.target);
  const strip = cached(`strip:${branding.programKey}:${count}/${stamps.target}`, () =>
    atScales("strip", stripSvg(branding, count, stamps.target), IMAGE_SIZES.strip.width),
  );
  const [baseFiles, stripFiles] = await Promise.all([base, strip]);
  return { ...baseFiles, ...stripFiles };
}

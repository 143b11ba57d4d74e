import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import type { ServiceContext } from "@/lib/service-context";
import { buildPosterContent } from "./build-poster-content";
import { renderPosterPdf } from "./render-poster-pdf";
import { renderPosterPng } from "./render-poster-png";

export type PosterFormat = "png" | "pdf";

export type PosterFile = { bytes: Uint8Array; contentType: string; filename: string };

/** One store's poster as a file to download: an A4 PDF to print, or a PNG (1240 px ≈ 150 dpi). */
export async function renderStorePoster(ctx: ServiceContext, storeId: string, locale: Locale, format: PosterFormat): Promise<PosterFile> {
  const { content, storeCode } = await buildPosterContent(ctx, storeId, locale);
  // The language is in the name: posters in two languages downloaded one after the other keep both.
  const filename = `poster-${storeCode}-${locale}.${format}`;
  return format === "pdf"
    ? { bytes: await renderPosterPdf(content), contentType: "application/pdf", filename }
    : { bytes: await renderPosterPng(content), contentType: "image/png", filename };
}

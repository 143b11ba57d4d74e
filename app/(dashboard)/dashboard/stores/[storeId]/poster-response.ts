import "server-only";
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { getSessionUser, requireMerchantUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { renderStorePoster, type PosterFormat } from "@/lib/stores/poster/render-store-poster";

/**
 * A store's poster as a file, for the preview (inline) and the download buttons (?download=1),
 * in the language of ?locale=en|fr|de|lb or else the merchant's. Without a session the browser
 * is sent to the login page, and back to the store afterwards; another merchant's store is 404.
 */
export async function posterResponse(request: NextRequest, storeId: string, format: PosterFormat): Promise<Response> {
  if (!(await getSessionUser())) redirect(`/login?callbackUrl=${encodeURIComponent(`/dashboard/stores/${storeId}`)}`);
  const session = await requireMerchantUser();
  const requested = request.nextUrl.searchParams.get("locale");
  const locale = isLocale(requested)
    ? requested
    : isLocale(session.merchant.defaultLocale)
      ? session.merchant.defaultLocale
      : DEFAULT_LOCALE;
  try {
    const file = await renderStorePoster(session.ctx, storeId, locale, format);
    const disposition = request.nextUrl.searchParams.get("download") === "1" ? "attachment" : "inline";
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `${disposition}; filename="${file.filename}"`,
        "Content-Length": String(file.bytes.byteLength),
        // The poster follows the store's name and the program's colours: never serve a stale one.
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
    throw error;
  }
}

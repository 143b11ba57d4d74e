import { systemClock } from "@/lib/clock";
import { limitMisses } from "@/lib/http/limit-misses";
import { errorResponse } from "@/lib/http/api-route";
import { googleSaveLink } from "@/lib/web-card/google-save-link";

export const dynamic = "force-dynamic";

/**
 * "Add to Google Wallet" on the web card: inserts the card's loyalty object on
 * the first tap and redirects to Google's save page with a signed JWT naming it.
 * The page token in the address is what authorizes, as for the card page.
 */
export async function GET(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  return limitMisses(request, async () => {
    try {
      const { token } = await context.params;
      const location = await googleSaveLink(token, systemClock);
      return new Response(null, { status: 302, headers: { location, "cache-control": "no-store", "referrer-policy": "no-referrer" } });
    } catch (error) {
      return errorResponse(error, request);
    }
  });
}

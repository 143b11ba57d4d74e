import { systemClock } from "@/lib/clock";
import { limitMisses } from "@/lib/http/limit-misses";
import { errorResponse } from "@/lib/http/api-route";
import { problemResponse } from "@/lib/http/problem";
import { unsubscribeCustomer } from "@/lib/privacy/unsubscribe-customer";

export const dynamic = "force-dynamic";

/**
 * RFC 8058 one-click unsubscribe: the address in every customer email's
 * List-Unsubscribe header. Mail clients POST "List-Unsubscribe=One-Click";
 * the signed token is the authorization. 200 again for a repeated click.
 */
export async function POST(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  return limitMisses(request, async () => {
    try {
      const { token } = await context.params;
      if (!(await unsubscribeCustomer(token, systemClock)))
        return problemResponse("NOT_FOUND", { detail: "This unsubscribe link is not valid." });
      return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error, request);
    }
  });
}

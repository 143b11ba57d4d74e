import { systemClock } from "@/lib/clock";
import { enrollFromStore } from "@/lib/enrollment/enroll-from-store";
import { publicEnrollRequestSchema } from "@/lib/enrollment/schemas";
import { errorResponse, json, parseWith, readJsonBody } from "@/lib/http/api-route";
import { clientKeyOf } from "@/lib/http/client-key";
import { negotiateLocale } from "@/lib/i18n/negotiate-locale";

export const dynamic = "force-dynamic";

/**
 * The public enrollment (design.md): 201 { card } for a new card; 202 when
 * the email already has a card here (its link was emailed, nothing shown).
 * Rate limited per client address and per store.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const body = parseWith(publicEnrollRequestSchema, await readJsonBody(request), "body");
    const result = await enrollFromStore(
      body,
      {
        clientKey: clientKeyOf(request),
        userAgent: request.headers.get("user-agent"),
        locale: negotiateLocale(undefined, request.headers.get("accept-language")),
      },
      systemClock,
    );
    if (result.status === "emailed") return json({ emailed: true }, { status: 202 });
    return json({ card: result.card }, { status: 201 });
  } catch (error) {
    return errorResponse(error, request);
  }
}

import { systemClock } from "@/lib/clock";
import { limitMisses } from "@/lib/http/limit-misses";
import { errorResponse } from "@/lib/http/api-route";
import { problemResponse } from "@/lib/http/problem";
import { exportCustomerData } from "@/lib/privacy/export-customer-data";

export const dynamic = "force-dynamic";

/** "Download all my data": everything stored about the card's holder at this merchant, as a JSON file. */
export async function GET(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  return limitMisses(request, async () => {
    try {
      const { token } = await context.params;
      const exported = await exportCustomerData(token, systemClock);
      if (!exported) return problemResponse("NOT_FOUND", { detail: "No such card." });
      return new Response(JSON.stringify(exported.data, null, 2), {
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-disposition": `attachment; filename="${exported.fileName}"`,
          "cache-control": "no-store",
          "x-content-type-options": "nosniff",
        },
      });
    } catch (error) {
      return errorResponse(error, request);
    }
  });
}

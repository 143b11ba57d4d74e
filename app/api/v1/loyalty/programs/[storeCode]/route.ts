import { getJoinProgram } from "@/lib/enrollment/get-join-program";
import { storeCodeParamSchema } from "@/lib/enrollment/schemas";
import { limitMisses } from "@/lib/http/limit-misses";
import { errorResponse, json } from "@/lib/http/api-route";
import { clientKeyOf } from "@/lib/http/client-key";
import { problemResponse } from "@/lib/http/problem";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limit";

export const dynamic = "force-dynamic";

/** What a store's enrollment page shows, as JSON (public: the store's QR carries the code). */
export async function GET(request: Request, context: { params: Promise<{ storeCode: string }> }): Promise<Response> {
  return limitMisses(request, async () => {
    try {
      await consumeRateLimit("publicProgramByClient", clientKeyOf(request));
      const parsed = storeCodeParamSchema.safeParse((await context.params).storeCode);
      if (!parsed.success) return problemResponse("NOT_FOUND", { detail: "No store with this code." });
      const { merchantId: _merchantId, storeId: _storeId, ...program } = await getJoinProgram(parsed.data);
      return json(program);
    } catch (error) {
      return errorResponse(error, request);
    }
  });
}

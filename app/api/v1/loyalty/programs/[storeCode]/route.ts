import { getJoinProgram } from "@/lib/enrollment/get-join-program";
import { storeCodeParamSchema } from "@/lib/enrollment/schemas";
import { errorResponse, json } from "@/lib/http/api-route";
import { problemResponse } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

/** What a store's enrollment page shows, as JSON (public: the store's QR carries the code). */
export async function GET(request: Request, context: { params: Promise<{ storeCode: string }> }): Promise<Response> {
  try {
    const parsed = storeCodeParamSchema.safeParse((await context.params).storeCode);
    if (!parsed.success) return problemResponse("NOT_FOUND", { detail: "No store with this code." });
    const { merchantId: _merchantId, storeId: _storeId, ...program } = await getJoinProgram(parsed.data);
    return json(program);
  } catch (error) {
    return errorResponse(error, request);
  }
}

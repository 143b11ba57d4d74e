import { limitMisses } from "@/lib/http/limit-misses";
import { errorResponse } from "@/lib/http/api-route";
import { getLatestPass } from "@/lib/wallet/apple/web-service";

export const dynamic = "force-dynamic";

type Params = { passTypeIdentifier: string; serialNumber: string };

/** Apple Wallet: the latest version of a pass, honouring If-Modified-Since. */
export async function GET(request: Request, context: { params: Promise<Params> }): Promise<Response> {
  return limitMisses(request, async () => {
    try {
      return await getLatestPass(request, await context.params);
    } catch (error) {
      return errorResponse(error, request);
    }
  });
}

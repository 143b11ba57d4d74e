import { limitMisses } from "@/lib/http/limit-misses";
import { errorResponse } from "@/lib/http/api-route";
import { listUpdatedPasses } from "@/lib/wallet/apple/web-service";

export const dynamic = "force-dynamic";

type Params = { deviceLibraryIdentifier: string; passTypeIdentifier: string };

/** Apple Wallet: the serial numbers of this device's passes updated since a tag. */
export async function GET(request: Request, context: { params: Promise<Params> }): Promise<Response> {
  return limitMisses(request, async () => {
    try {
      return await listUpdatedPasses(request, await context.params);
    } catch (error) {
      return errorResponse(error, request);
    }
  });
}

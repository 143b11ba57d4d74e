import { errorResponse } from "@/lib/http/api-route";
import { logDeviceMessages } from "@/lib/wallet/apple/web-service";

export const dynamic = "force-dynamic";

/** Apple Wallet: devices report errors with this web service. */
export async function POST(request: Request): Promise<Response> {
  try {
    return await logDeviceMessages(request);
  } catch (error) {
    return errorResponse(error, request);
  }
}

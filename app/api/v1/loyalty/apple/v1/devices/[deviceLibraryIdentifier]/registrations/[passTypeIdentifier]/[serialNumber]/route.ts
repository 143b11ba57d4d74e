import { limitMisses } from "@/lib/http/limit-misses";
import { errorResponse } from "@/lib/http/api-route";
import { registerDevice, unregisterDevice } from "@/lib/wallet/apple/web-service";

export const dynamic = "force-dynamic";

type Params = { deviceLibraryIdentifier: string; passTypeIdentifier: string; serialNumber: string };

/** Apple Wallet: a device registers for a pass's push updates. */
export async function POST(request: Request, context: { params: Promise<Params> }): Promise<Response> {
  return limitMisses(request, async () => {
    try {
      return await registerDevice(request, await context.params);
    } catch (error) {
      return errorResponse(error, request);
    }
  });
}

/** Apple Wallet: a device stops receiving a pass's updates (the pass was removed). */
export async function DELETE(request: Request, context: { params: Promise<Params> }): Promise<Response> {
  return limitMisses(request, async () => {
    try {
      return await unregisterDevice(request, await context.params);
    } catch (error) {
      return errorResponse(error, request);
    }
  });
}

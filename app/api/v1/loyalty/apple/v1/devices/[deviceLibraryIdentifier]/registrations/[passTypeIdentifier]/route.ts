import { answerDevice } from "@/lib/wallet/apple/answer-device";
import { listUpdatedPasses } from "@/lib/wallet/apple/web-service";

export const dynamic = "force-dynamic";

type Params = { deviceLibraryIdentifier: string; passTypeIdentifier: string };

/** Apple Wallet: the serial numbers of this device's passes updated since a tag. */
export async function GET(request: Request, context: { params: Promise<Params> }): Promise<Response> {
  return answerDevice(request, async () => listUpdatedPasses(request, await context.params));
}

import { answerDevice } from "@/lib/wallet/apple/answer-device";
import { getLatestPass } from "@/lib/wallet/apple/web-service";

export const dynamic = "force-dynamic";

type Params = { passTypeIdentifier: string; serialNumber: string };

/** Apple Wallet: the latest version of a pass, honouring If-Modified-Since. */
export async function GET(request: Request, context: { params: Promise<Params> }): Promise<Response> {
  return answerDevice(request, async () => getLatestPass(request, await context.params));
}

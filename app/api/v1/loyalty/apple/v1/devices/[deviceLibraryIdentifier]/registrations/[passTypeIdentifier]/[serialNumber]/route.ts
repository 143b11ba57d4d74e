import { answerDevice } from "@/lib/wallet/apple/answer-device";
import { registerDevice, unregisterDevice } from "@/lib/wallet/apple/web-service";

export const dynamic = "force-dynamic";

type Params = { deviceLibraryIdentifier: string; passTypeIdentifier: string; serialNumber: string };

/** Apple Wallet: a device registers for a pass's push updates. */
export async function POST(request: Request, context: { params: Promise<Params> }): Promise<Response> {
  return answerDevice(request, async () => registerDevice(request, await context.params));
}

/** Apple Wallet: a device stops receiving a pass's updates (the pass was removed). */
export async function DELETE(request: Request, context: { params: Promise<Params> }): Promise<Response> {
  return answerDevice(request, async () => unregisterDevice(request, await context.params));
}

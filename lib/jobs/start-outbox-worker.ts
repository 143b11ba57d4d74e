import "server-only";
import { getConfig } from "@/lib/config";
import { registerAppleWallet } from "@/lib/wallet/apple/register-apple-wallet";
import { OUTBOX_HANDLERS } from "./handlers";
import { OutboxWorker } from "./outbox-worker";

/** A worker with the registered handlers and the configured limits, started. */
export function startOutboxWorker(): OutboxWorker {
  const { outbox } = getConfig();
  registerAppleWallet();
  const worker = new OutboxWorker({ handlers: OUTBOX_HANDLERS, maxAttempts: outbox.maxAttempts, pollMs: outbox.pollMs });
  worker.start();
  return worker;
}

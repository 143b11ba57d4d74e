import "server-only";
import { headers } from "next/headers";

/** The id proxy.ts gave the request running this server action, for its log lines. */
export async function actionRequestId(): Promise<string | null> {
  try {
    return (await headers()).get("x-request-id");
  } catch {
    // Outside a request (a test calling the action directly): no id.
    return null;
  }
}

import "server-only";
import type { Clock } from "@/lib/clock";
import type { ServiceContext } from "@/lib/service-context";

/** The context of a change the customer makes themselves (no dashboard user): recorded as the system, with "by: customer". */
export function customerContext(merchantId: string, clock: Clock): ServiceContext {
  return { merchantId, actor: { type: "system" }, clock };
}

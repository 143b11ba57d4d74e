import type { Clock } from "@/lib/clock";
import type { RequestInfo } from "@/lib/service-context";

/**
 * Who acts in the admin console: a platform admin, across merchants. Admin
 * services take this instead of a ServiceContext (which is scoped to one
 * merchant) and name the merchant they act on explicitly.
 */
export type AdminContext = {
  actor: { type: "admin"; userId: string };
  clock: Clock;
  request?: RequestInfo;
};

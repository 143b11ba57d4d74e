import type { Clock } from "./clock";

/** Who is acting. Every service scopes its queries by `merchantId`; the actor is recorded in the ledger and audit log. */
export type Actor =
  | { type: "user"; userId: string; role: "owner" | "manager" }
  | { type: "api_key"; apiKeyId: string }
  | { type: "device"; deviceId: string }
  | { type: "system" };

/** Where a request came from, for the ledger (never logged with customer data). */
export type RequestInfo = { ip?: string | null; userAgent?: string | null };

export type ServiceContext = {
  merchantId: string;
  actor: Actor;
  clock: Clock;
  request?: RequestInfo;
};

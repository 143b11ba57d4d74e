import type { ServiceContext } from "@/lib/service-context";

/** Who is typing a PIN, for the PIN-only lockout scope: the API key or device, else the client address. */
export function staffClientKey(ctx: ServiceContext): string {
  switch (ctx.actor.type) {
    case "api_key":
      return `api_key:${ctx.actor.apiKeyId}`;
    case "device":
      return `device:${ctx.actor.deviceId}`;
    default:
      return `ip:${ctx.request?.ip ?? "unknown"}`;
  }
}

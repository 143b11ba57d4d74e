import "server-only";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { authenticateApiKey } from "./api-keys";

/**
 * Who is calling the vendor API: a merchant API key (`Authorization: Bearer
 * lk_…`). The dashboard session joins here with the accounts issue. The
 * context is scoped to that merchant; a suspended merchant is refused.
 */
export async function authenticateVendor(request: Request, clock: Clock): Promise<ServiceContext> {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  if (!match) throw new AppError("UNAUTHENTICATED", {}, "Send a merchant API key as: Authorization: Bearer <key>.");
  const principal = await authenticateApiKey(match[1]!, clock);
  if (!principal) throw new AppError("UNAUTHENTICATED", {}, "This API key is not valid, or it was revoked.");
  if (principal.merchantStatus === "suspended")
    throw new AppError("MERCHANT_SUSPENDED", {}, "This merchant is suspended: contact the platform operator.");
  return {
    merchantId: principal.merchantId,
    actor: { type: "api_key", apiKeyId: principal.apiKeyId },
    clock,
    request: requestInfo(request),
  };
}

export function requestInfo(request: Request): { ip: string | null; userAgent: string | null } {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || request.headers.get("x-real-ip") || null, userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null };
}

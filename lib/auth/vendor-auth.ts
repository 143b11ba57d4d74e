import "server-only";
import type { Clock } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { authenticateApiKey } from "./api-keys";
import { clientAddress } from "@/lib/http/client-address";

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?next-auth\.session-token(?:\.\d+)?=/;

/** The key of an `Authorization: Bearer <key>` header, or null for any other header or none. */
export function bearerKey(header: string | null): string | null {
  return (header ? /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] : undefined) ?? null;
}

/**
 * Who is calling the vendor API: a merchant API key (`Authorization: Bearer
 * lk_…`), or the dashboard's signed-in owner or manager (session cookie; a
 * change must then come from the app's own origin). The context is scoped to
 * that merchant; a suspended merchant is refused.
 */
export async function authenticateVendor(request: Request, clock: Clock): Promise<ServiceContext> {
  const key = bearerKey(request.headers.get("authorization"));
  if (key === null && SESSION_COOKIE.test(request.headers.get("cookie") ?? "")) return authenticateSession(request, clock);
  if (key === null) throw new AppError("UNAUTHENTICATED", {}, "Send a merchant API key as: Authorization: Bearer <key>.");
  const principal = await authenticateApiKey(key, clock);
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

async function authenticateSession(request: Request, clock: Clock): Promise<ServiceContext> {
  // Loaded here only: it needs Next's request scope, which API-key calls do not.
  const { getSessionUser } = await import("./session");
  const user = await getSessionUser();
  if (!user?.merchant || (user.role !== "owner" && user.role !== "manager")) {
    throw new AppError("UNAUTHENTICATED", {}, "Log in to the dashboard, or send a merchant API key.");
  }
  if (!["GET", "HEAD"].includes(request.method)) {
    const origin = request.headers.get("origin");
    if (origin !== new URL(getConfig().publicUrl).origin) throw new AppError("FORBIDDEN", {}, "Cross-origin request refused.");
  }
  if (user.merchant.status === "suspended")
    throw new AppError("MERCHANT_SUSPENDED", {}, "This merchant is suspended: contact the platform operator.");
  return {
    merchantId: user.merchant.id,
    actor: { type: "user", userId: user.userId, role: user.role },
    clock,
    request: requestInfo(request),
  };
}

export function requestInfo(request: Request): { ip: string | null; userAgent: string | null } {
  return { ip: clientAddress((name) => request.headers.get(name)), userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null };
}

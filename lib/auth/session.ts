import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { loadSessionUser, type SessionUser } from "@/lib/accounts/sessions";
import { systemClock } from "@/lib/clock";
import type { AdminContext } from "@/lib/admin/admin-context";
import type { ServiceContext } from "@/lib/service-context";
import { getAuthOptions } from "./auth-options";

/** The session cookie's content (a signed JWT), read once per request. */
const readSessionToken = cache(async () => {
  const session = await getServerSession(getAuthOptions());
  return session?.sid && session.uid ? { sessionId: session.sid, userId: session.uid } : null;
});

/** The signed-in user of this request, if their session is still open (looked up once per request). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const token = await readSessionToken();
  return token ? loadSessionUser(token.sessionId, token.userId, systemClock.now()) : null;
});

export type MerchantSession = {
  ctx: ServiceContext;
  user: SessionUser;
  merchant: NonNullable<SessionUser["merchant"]>;
  role: "owner" | "manager";
};

/**
 * Every dashboard page and action starts here: the signed-in owner or manager
 * and a service context scoped to their merchant. Anyone else is sent to the
 * login page (a page) or refused (an action).
 */
export async function requireMerchantUser(): Promise<MerchantSession> {
  const user = await getSessionUser();
  // A platform admin has no merchant: their home is the admin console.
  if (user?.role === "admin") redirect("/admin");
  if (!user || !user.merchant || (user.role !== "owner" && user.role !== "manager")) {
    // A cookie whose session was ended (logged out elsewhere, password reset, removed from the team) says so.
    redirect((await readSessionToken()) && !user ? "/login?notice=sessionEnded" : "/login");
  }
  return {
    ctx: { merchantId: user.merchant.id, actor: { type: "user", userId: user.userId, role: user.role }, clock: systemClock },
    user,
    merchant: user.merchant,
    role: user.role,
  };
}

/** Pages only the owner may open (API keys, managers, settings): 403 for a manager. */
export async function requireOwner(): Promise<MerchantSession> {
  const session = await requireMerchantUser();
  if (session.role !== "owner") forbidden();
  return session;
}

export type AdminSession = { ctx: AdminContext; user: SessionUser };

/**
 * Every admin console page and action starts here: a signed-in platform
 * admin. Anonymous visitors go to the login page (and come back after);
 * merchant users get 403.
 */
export async function requirePlatformAdmin(): Promise<AdminSession> {
  const user = await getSessionUser();
  if (!user) redirect((await readSessionToken()) ? "/login?notice=sessionEnded" : "/login?callbackUrl=%2Fadmin");
  if (user.role !== "admin") forbidden();
  return { ctx: { actor: { type: "admin", userId: user.userId }, clock: systemClock }, user };
}

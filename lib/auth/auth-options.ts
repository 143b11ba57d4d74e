import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/accounts/authenticate";
import { loginInputSchema } from "@/lib/accounts/schemas";
import { revokeSession } from "@/lib/accounts/sessions";
import { systemClock } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { isAppError } from "@/lib/errors";
import { sessionCookieName } from "./session-cookie";
import { clientAddress } from "@/lib/http/client-address";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/**
 * next-auth with email and password: JWT sessions whose token names a
 * server-side session row (lib/accounts/sessions.ts), so logging out, a
 * password reset or a removed manager ends the session at once. Built on
 * first use, not at import: the build must not need the configuration.
 */
export function getAuthOptions(): NextAuthOptions {
  const config = getConfig();
  const https = config.publicUrl.startsWith("https://");
  return {
    secret: config.secrets.authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    useSecureCookies: https,
    // Behind HTTPS the session cookie takes the `__Host-` prefix (next-auth's default is `__Secure-`):
    // Secure, Path=/ and no Domain, so no subdomain can set or shadow it.
    cookies: {
      sessionToken: { name: sessionCookieName(https), options: { httpOnly: true, sameSite: "lax", path: "/", secure: https } },
    },
    providers: [
      CredentialsProvider({
        name: "email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const parsed = loginInputSchema.safeParse({ email: credentials?.email, password: credentials?.password });
          if (!parsed.success) return null;
          const headers = (request?.headers ?? {}) as Record<string, string | undefined>;
          const client = clientAddress((name) => headers[name]) ?? "unknown";
          try {
            const user = await authenticate(
              parsed.data.email,
              parsed.data.password,
              { key: client, userAgent: headers["user-agent"] ?? null },
              systemClock,
            );
            if (!user) return null;
            return {
              id: user.userId,
              email: user.email,
              name: user.name,
              sessionId: user.sessionId,
              role: user.role,
              merchantId: user.merchantId,
            };
          } catch (error) {
            // next-auth passes the message on to the login form, which shows it translated.
            if (isAppError(error) && error.code === "RATE_LIMITED") throw new Error(`RATE_LIMITED:${error.details.retryAfter ?? 60}`);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sid = user.sessionId;
        }
        return token;
      },
      session({ session, token }) {
        session.uid = token.uid ?? "";
        session.sid = token.sid ?? "";
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeSession(token.sid, systemClock.now());
      },
    },
  };
}

import { NextResponse, type NextRequest } from "next/server";

// next-auth's session cookie, plain and behind HTTPS.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Coarse redirects only: a dashboard or admin page opened without any session cookie
 * goes to the login page, which brings the person back here afterwards.
 * Every page and action still checks the session itself (a cookie can be
 * stale or forged; this only saves a round trip).
 */
export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/dashboard", "/dashboard/:path*", "/admin", "/admin/:path*"] };

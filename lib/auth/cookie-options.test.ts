import { describe, expect, it } from "vitest";
import { staffSessionCookieOptions } from "@/lib/counter/staff-session-credential";
import { counterDeviceCookieOptions } from "@/lib/devices/device-credential";
import { localeCookieOptions } from "@/lib/i18n/locale-cookie";
import { getAuthOptions } from "./auth-options";
import { heldCardsCookieOptions } from "./held-cards";
import { sessionCookieName } from "./session-cookie";

// Sessions: the tests run with LOYALTY_PUBLIC_URL=https://loyalty.test (vitest.config.ts), as behind HTTPS.
describe("Sessions: cookie attributes behind HTTPS", () => {
  it("the dashboard session cookie is __Host-, Secure, HttpOnly, SameSite=Lax and Path=/", () => {
    const sessionToken = getAuthOptions().cookies?.sessionToken;
    expect(sessionToken?.name).toBe("__Host-next-auth.session-token");
    expect(sessionToken?.options).toMatchObject({ httpOnly: true, secure: true, sameSite: "lax", path: "/" });
    expect(sessionToken?.options).not.toHaveProperty("domain");
    expect(getAuthOptions().useSecureCookies).toBe(true);
    expect(sessionCookieName(false)).toBe("next-auth.session-token");
  });

  it("the counter's device and staff cookies, the held cards and the language are HttpOnly, Secure and SameSite", () => {
    expect(counterDeviceCookieOptions()).toMatchObject({ httpOnly: true, secure: true, sameSite: "lax" });
    expect(staffSessionCookieOptions(600)).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: "strict",
      path: "/counter",
      maxAge: 600,
    });
    expect(heldCardsCookieOptions()).toMatchObject({ httpOnly: true, secure: true, sameSite: "lax" });
    expect(localeCookieOptions()).toMatchObject({ httpOnly: true, secure: true, sameSite: "lax" });
  });
});

import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, requestIdFor, staticSecurityHeaders } from "./security-headers";

describe("security headers", () => {
  it("allows scripts only with the request's nonce, never inline-unsafe", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123==", https: false });
    const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src"))!;
    expect(scripts).toContain("'nonce-abc123=='");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("img-src 'self' data: blob:");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", https: true })).toContain("upgrade-insecure-requests");
  });

  it("sends HSTS only behind HTTPS", () => {
    expect(staticSecurityHeaders(true)["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(staticSecurityHeaders(false)).not.toHaveProperty("Strict-Transport-Security");
    expect(staticSecurityHeaders(false)).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });

  it("makes a new nonce each time, and keeps a well-formed request id from the proxy in front", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(requestIdFor("req-12345678")).toBe("req-12345678");
    expect(requestIdFor("bad id\nwith newline")).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor(null)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

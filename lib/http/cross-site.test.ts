import { describe, expect, it } from "vitest";
import { addressedOrigin, crossSiteRefusal } from "./cross-site";

const APP = "https://loyalty.test";

function refusal(method: string, headers: Record<string, string>, cookieNames: string[] = []) {
  return crossSiteRefusal({ method, headers: new Headers(headers), allowedOrigins: [APP], cookieNames });
}

describe("cross-site requests", () => {
  it("lets reads through from anywhere", () => {
    expect(refusal("GET", { origin: "https://evil.example" }, ["next-auth.session-token"])).toBeNull();
    expect(refusal("HEAD", {})).toBeNull();
  });

  it("refuses a change from another site or an opaque origin", () => {
    expect(refusal("POST", { origin: "https://evil.example" })).toMatch(/another site/);
    expect(refusal("POST", { origin: "null" })).toMatch(/opaque/);
    expect(refusal("DELETE", { origin: "https://loyalty.test.evil.example" }, ["loyalty_counter_device"])).not.toBeNull();
    expect(refusal("POST", { origin: APP, "next-action": "abc" }, ["next-auth.session-token"])).toBeNull();
  });

  it("refuses a server action without Origin, and a cookie-authenticated change without Origin", () => {
    expect(refusal("POST", { "next-action": "abc" })).toMatch(/server action/);
    expect(refusal("POST", {}, ["__Host-next-auth.session-token"])).toMatch(/cookies/);
    expect(refusal("POST", {}, ["next-auth.session-token.0"])).toMatch(/cookies/);
    expect(refusal("POST", {}, ["loyalty_counter_staff"])).toMatch(/cookies/);
  });

  it("lets machine clients without cookies, or with a bearer key, through without Origin", () => {
    expect(refusal("POST", {})).toBeNull();
    expect(refusal("POST", {}, ["loyalty_locale"])).toBeNull();
    expect(refusal("POST", { authorization: "Bearer lk_x" }, ["next-auth.session-token"])).toBeNull();
  });

  it("knows the origin a request was addressed to", () => {
    expect(addressedOrigin(new Headers({ host: "127.0.0.1:3000" }), "http://localhost:3000/x")).toBe("http://127.0.0.1:3000");
    expect(addressedOrigin(new Headers({ host: "a", "x-forwarded-host": "Shop.Example", "x-forwarded-proto": "https" }), "http://a/")).toBe(
      "https://shop.example",
    );
  });
});

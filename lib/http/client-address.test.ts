import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const from = (headers: Record<string, string>) => clientAddress((name) => headers[name]);

describe("clientAddress", () => {
  it("takes the address the proxy appended, never one the client wrote before it", () => {
    expect(from({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" })).toBe("203.0.113.7");
    expect(from({ "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
    expect(from({ "x-forwarded-for": " 203.0.113.7 , " })).toBe("203.0.113.7");
  });

  it("falls back to X-Real-IP, then to nothing", () => {
    expect(from({ "x-real-ip": "198.51.100.2" })).toBe("198.51.100.2");
    expect(from({})).toBeNull();
  });
});

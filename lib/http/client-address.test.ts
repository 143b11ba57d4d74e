import { describe, expect, it } from "vitest";
import { clientAddress, resolveClientAddress } from "./client-address";

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

describe("resolveClientAddress", () => {
  const socket = "10.0.0.2";

  it.each([
    // [X-Forwarded-For, trusted proxies, the client's address]
    [undefined, 1, socket],
    ["203.0.113.7", 1, "203.0.113.7"],
    ["6.6.6.6, 203.0.113.7", 1, "203.0.113.7"],
    ["6.6.6.6, 203.0.113.7", 0, socket],
    [undefined, 0, socket],
    ["6.6.6.6, 203.0.113.7, 172.16.0.1", 2, "203.0.113.7"],
    ["6.6.6.6, 203.0.113.7, 172.16.0.1", 3, "6.6.6.6"],
    ["203.0.113.7", 2, "203.0.113.7"],
    [undefined, 2, socket],
    [" 6.6.6.6 ,, 203.0.113.7 , ", 1, "203.0.113.7"],
    [["6.6.6.6", "203.0.113.7, 172.16.0.1"], 2, "203.0.113.7"],
  ] as const)("X-Forwarded-For %j behind %i proxies: %s", (forwardedFor, proxies, expected) => {
    expect(resolveClientAddress(forwardedFor as string | string[] | undefined, socket, proxies)).toBe(expected);
  });

  it("has no address without the connection's, whatever the header says", () => {
    expect(resolveClientAddress(undefined, undefined, 1)).toBeUndefined();
    expect(resolveClientAddress("203.0.113.7", undefined, 0)).toBeUndefined();
    expect(resolveClientAddress("203.0.113.7", undefined, 1)).toBeUndefined();
  });
});

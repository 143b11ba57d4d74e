import { describe, expect, it } from "vitest";
import { formatLogLine, redactString, withRequestId } from "./logger";

describe("log lines", () => {
  it("carry the request id inside a request, and none outside", () => {
    const inside = withRequestId("req-abcdef12", () => JSON.parse(formatLogLine("info", "x")) as Record<string, unknown>);
    expect(inside).toMatchObject({ level: "info", event: "x", requestId: "req-abcdef12" });
    expect(JSON.parse(formatLogLine("info", "x"))).not.toHaveProperty("requestId");
  });

  it("redact fields named like secrets or contact data, at any depth", () => {
    const line = formatLogLine("warn", "x", {
      staffPin: "4821",
      pin: "1234",
      password: "hunter2hunter2",
      pageToken: "abc",
      details: { email: "ana@example.com", phone: "+352 621 000 000", authorization: "Bearer lk_abcdefgh12345678" },
      recoveryCode: "123456",
      code: "ECONNRESET",
      count: 3,
    });
    for (const secret of ["4821", "1234", "hunter2", "ana@example.com", "621 000", "lk_abcdefgh", "123456"])
      expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ code: "ECONNRESET", count: 3, staffPin: "[redacted]" });
  });

  it("mask API keys, email addresses and token path segments inside strings", () => {
    expect(redactString("key lk_live_0123456789abcdef refused for bob@shop.example")).toBe("key lk_[redacted] refused for [email]");
    expect(redactString("/card/Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1/data.json")).toBe("/card/[redacted]/data.json");
    expect(redactString("/api/v1/admin/loyalty/programs/0b7c3c1e-5d1a-4a4e-9a8f-1c2d3e4f5a6b")).toContain("0b7c3c1e-5d1a");
    expect(redactString("/x.pkpass?expires=1&sig=abcdef")).toBe("/x.pkpass?expires=1&sig=[redacted]");
    expect(redactString("/tmp/mail/2026-11-21T09-56-10-498Z-90f3753d.eml")).toBe("/tmp/mail/2026-11-21T09-56-10-498Z-90f3753d.eml");
  });

  it("keep errors readable, with their messages masked", () => {
    const line = JSON.parse(formatLogLine("error", "x", { error: new Error("no user ana@example.com") })) as { error: { message: string } };
    expect(line.error.message).toBe("no user [email]");
  });
});

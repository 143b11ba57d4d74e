import { describe, expect, it } from "vitest";
import { joinFormSchema, publicEnrollRequestSchema, recoveryCodeSchema } from "./schemas";

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => [issue.path.join("."), issue.message]) ?? [];

describe("enrollment schemas", () => {
  it("takes an enrollment with every customer field optional and consent off unless given", () => {
    expect(publicEnrollRequestSchema.parse({ storeCode: "gare1" })).toEqual({ storeCode: "GARE1", customer: {}, emailConsent: false });
  });

  it("names each bad field with a message key", () => {
    const result = publicEnrollRequestSchema.safeParse({
      storeCode: "GARE1",
      customer: { email: "lea@", phone: "call me", birthday: "2999-01-01" },
      emailConsent: "yes",
    });
    expect(issues(result)).toEqual([
      ["customer.email", "validation.email"],
      ["customer.phone", "validation.phone"],
      ["customer.birthday", "validation.birthdayPast"],
      ["emailConsent", expect.any(String)],
    ]);
    expect(issues(publicEnrollRequestSchema.safeParse({ storeCode: "GARE1", surprise: 1 }))).toEqual([["", expect.any(String)]]);
    expect(issues(publicEnrollRequestSchema.safeParse({ storeCode: "../x" }))).toEqual([["storeCode", "validation.storeCode"]]);
  });

  it("reads the join form flat, with the honeypot", () => {
    expect(
      joinFormSchema.parse({ storeCode: "GARE1", email: "lea@example.com", emailConsent: true, website: "http://spam" }),
    ).toMatchObject({
      email: "lea@example.com",
      emailConsent: true,
      website: "http://spam",
    });
    expect(issues(joinFormSchema.safeParse({ storeCode: "GARE1", phone: "x" }))).toEqual([["phone", "validation.phone"]]);
  });

  it("takes exactly six digits as a recovery code", () => {
    expect(recoveryCodeSchema.safeParse({ storeCode: "A1", email: "a@b.lu", code: " 012345 " }).success).toBe(true);
    expect(issues(recoveryCodeSchema.safeParse({ storeCode: "A1", email: "a@b.lu", code: "12345" }))).toEqual([
      ["code", "validation.recoveryCode"],
    ]);
    expect(issues(recoveryCodeSchema.safeParse({ storeCode: "A1", email: "a@b.lu", code: "12345a" }))).toEqual([
      ["code", "validation.recoveryCode"],
    ]);
  });
});

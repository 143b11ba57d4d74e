import { describe, expect, it } from "vitest";
import { passCertificateWarning } from "./get-pass-certificate-warning";

describe("passCertificateWarning", () => {
  const expiresAt = new Date("2026-06-30T12:00:00Z");
  it("says nothing more than 30 days before expiry", () => {
    expect(passCertificateWarning(expiresAt, new Date("2026-05-30T11:00:00Z"))).toBeNull();
  });
  it("warns from 30 days before, with the whole days left, down to 0 after expiry", () => {
    expect(passCertificateWarning(expiresAt, new Date("2026-05-31T12:00:00Z"))).toEqual({ expiresAt, daysLeft: 30 });
    expect(passCertificateWarning(expiresAt, new Date("2026-06-29T13:00:00Z"))).toEqual({ expiresAt, daysLeft: 0 });
    expect(passCertificateWarning(expiresAt, new Date("2026-07-02T12:00:00Z"))).toEqual({ expiresAt, daysLeft: 0 });
  });
});

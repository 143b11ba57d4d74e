import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { devCertificateEnv, generateDevCertificates } from "@/lib/wallet/apple/dev-certificates";
import { useWorldApp } from "./support/world-app";

/** Apple's pass certificate expiring in 10 days: the dashboard warns its owners, the admin console its admins. */
describe("the warning before the Apple pass certificate expires", () => {
  const certDir = fs.mkdtempSync(path.join(os.tmpdir(), "system-expiring-certs-"));
  const certs = generateDevCertificates(certDir, { passTypeId: "pass.example.expiring", teamId: "EXPIRING01", days: 10 });
  const suite = useWorldApp(() => devCertificateEnv(certs));

  afterAll(() => fs.rmSync(certDir, { recursive: true, force: true }));

  const page = async (pathname: string, headers: Record<string, string>) => {
    const response = await fetch(`${suite.app.url}${pathname}`, { headers, redirect: "manual" });
    expect(response.status, pathname).toBe(200);
    return response.text();
  };

  it("shows the owner how many days are left and who renews it; a manager is not told", async () => {
    const owner = await page("/dashboard", suite.world.headers.owner);
    expect(owner).toContain("The Apple Wallet certificate expires soon.");
    expect(owner).toMatch(/\((9|10) days left\)/);
    expect(owner).toContain("Ask your platform administrator to renew it");
    expect(await page("/dashboard", suite.world.headers.manager)).not.toContain("The Apple Wallet certificate expires soon.");
  });

  it("tells the platform admin what to renew and where it is configured", async () => {
    const admin = await page("/admin", suite.world.headers.admin);
    expect(admin).toContain("The Apple Wallet certificate expires soon.");
    expect(admin).toContain("LOYALTY_APPLE_SIGNER_CERT_PATH");
  });
});

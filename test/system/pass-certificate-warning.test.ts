import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/lib/db";
import type { Database } from "@/lib/db/open-database";
import { devCertificateEnv, generateDevCertificates } from "@/lib/wallet/apple/dev-certificates";
import { seedWorld, type World } from "./support/principals";
import { createSystemDatabase, startAppInstance, type AppInstance } from "./support/system-app";

/** Apple's pass certificate expiring in 10 days: the dashboard warns its owners, the admin console its admins. */
describe("the warning before the Apple pass certificate expires", () => {
  let database: (Database & { url: string }) | undefined;
  let app: AppInstance | undefined;
  let world: World;
  const certDir = fs.mkdtempSync(path.join(os.tmpdir(), "system-expiring-certs-"));

  beforeAll(async () => {
    const certs = generateDevCertificates(certDir, { passTypeId: "pass.example.expiring", teamId: "EXPIRING01", days: 10 });
    database = await createSystemDatabase();
    // The secrets the seed uses (vitest's), so its PIN digests and sessions hold in the app.
    app = await startAppInstance({
      databaseUrl: database.url,
      env: { ...devCertificateEnv(certs), AUTH_SECRET: process.env.AUTH_SECRET!, LOYALTY_SECRET_KEY: process.env.LOYALTY_SECRET_KEY! },
    });
    world = await seedWorld(database, app.url);
  });

  afterAll(async () => {
    await app?.kill();
    await closeDatabase();
    fs.rmSync(certDir, { recursive: true, force: true });
  });

  const page = async (pathname: string, headers: Record<string, string>) => {
    const response = await fetch(`${app!.url}${pathname}`, { headers, redirect: "manual" });
    expect(response.status, pathname).toBe(200);
    return response.text();
  };

  it("shows the owner how many days are left and who renews it; a manager is not told", async () => {
    const owner = await page("/dashboard", world.headers.owner);
    expect(owner).toContain("The Apple Wallet certificate expires soon.");
    expect(owner).toMatch(/\((9|10) days left\)/);
    expect(owner).toContain("Ask your platform administrator to renew it");
    expect(await page("/dashboard", world.headers.manager)).not.toContain("The Apple Wallet certificate expires soon.");
  });

  it("tells the platform admin what to renew and where it is configured", async () => {
    const admin = await page("/admin", world.headers.admin);
    expect(admin).toContain("The Apple Wallet certificate expires soon.");
    expect(admin).toContain("LOYALTY_APPLE_SIGNER_CERT_PATH");
  });
});

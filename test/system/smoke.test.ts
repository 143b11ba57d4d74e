import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createSystemDatabase, startAppInstance, type AppInstance } from "./support/system-app";

describe("the built app on PostgreSQL", () => {
  let database: (Database & { url: string }) | undefined;
  let app: AppInstance | undefined;

  beforeAll(async () => {
    database = await createSystemDatabase();
    app = await startAppInstance({ databaseUrl: database.url });
  });

  afterAll(async () => {
    await app?.kill();
    await database?.close();
  });

  it("answers health with the database reachable, and stops cleanly on SIGTERM", async () => {
    const health = await fetch(`${app!.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
    await app!.kill("SIGTERM");
    expect(app!.exited()).toBe(true);
  });
});

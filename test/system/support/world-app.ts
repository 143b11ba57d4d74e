import { afterAll, beforeAll } from "vitest";
import { closeDatabase } from "@/lib/db";
import { seedWorld, type World } from "./principals";
import { createSystemDatabase, startAppInstance, type AppInstance } from "./system-app";

export type WorldApp = { app: AppInstance; world: World };

/**
 * For a suite that calls the app as every principal: before it, a fresh database, the built app on it and the
 * principals' world seeded (principals.ts); after it, the app stopped and the database closed. The app gets the
 * test process's own secrets, so the API keys, PIN digests and sessions seeded here hold in the app. The returned
 * object is filled in before the suite's tests run.
 */
export function useWorldApp(env: () => Record<string, string> = () => ({})): WorldApp {
  const suite = {} as WorldApp;
  beforeAll(async () => {
    const database = await createSystemDatabase();
    suite.app = await startAppInstance({
      databaseUrl: database.url,
      env: { ...env(), AUTH_SECRET: process.env.AUTH_SECRET!, LOYALTY_SECRET_KEY: process.env.LOYALTY_SECRET_KEY! },
    });
    suite.world = await seedWorld(database, suite.app.url);
  });
  afterAll(async () => {
    await suite.app?.kill();
    await closeDatabase();
  });
  return suite;
}

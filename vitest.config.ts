import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      "server-only": `${root}test/server-only-stub.ts`,
    },
  },
  test: {
    environment: "node",
    // Tests never touch the developer's .data/ and use fixed, throwaway secrets.
    env: {
      LOYALTY_DATA_DIR: path.join(os.tmpdir(), "loyalty-vitest-data"),
      AUTH_SECRET: "test-auth-secret-0123456789abcdefghijklmnop",
      LOYALTY_SECRET_KEY: "test-secret-key-0123456789abcdefghijklmnopq",
      LOYALTY_PUBLIC_URL: "https://loyalty.test",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "app/**/*.test.ts",
            "components/**/*.test.ts",
            "messages/**/*.test.ts",
            "scripts/**/*.test.ts",
            "prisma/**/*.test.ts",
          ],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["**/*.db.test.ts"],
          exclude: ["node_modules/**"],
          globalSetup: ["test/db-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // The built app over HTTP on PostgreSQL (test/system/support/system-app.ts); one file at a time, as each starts servers.
          name: "system",
          include: ["test/system/**/*.test.ts"],
          exclude: ["node_modules/**"],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

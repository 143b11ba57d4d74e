import fs from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { ADMIN_API_BASE, ADMIN_OPERATIONS } from "./admin-operations";
import { buildOpenApiDocument, VENDOR_API_BASE } from "./build-openapi";
import { PUBLIC_API_BASE, PUBLIC_OPERATIONS } from "./public-operations";
import { VENDOR_OPERATIONS } from "./vendor-operations";

const ROUTES_DIR = path.join(process.cwd(), "app", VENDOR_API_BASE);
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"];

/** Every vendor route handler on disk as "METHOD /path/{param}". */
async function routesOnDisk(): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name === "route.ts") {
        const route = path
          .relative(ROUTES_DIR, dir)
          .split(path.sep)
          .map((part) => part.replace(/^\[(.+)\]$/, "{$1}"))
          .join("/");
        const handlers = (await import(full)) as Record<string, unknown>;
        for (const method of METHODS) if (typeof handlers[method] === "function") found.push(`${method} /${route}`);
      }
    }
  };
  await walk(ROUTES_DIR);
  return found.sort();
}

// Validating the whole document and walking app/ take seconds on a busy machine.
describe("the OpenAPI document", { timeout: 30_000 }, () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = buildOpenApiDocument("https://loyalty.example");
    expect(document.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it("documents exactly the vendor routes that exist, no more, no fewer", async () => {
    const documented = VENDOR_OPERATIONS.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`).sort();
    expect(documented).toEqual(await routesOnDisk());
  });

  it("documents exactly the public routes under /api/v1/loyalty (the Apple web service and pass downloads aside), no key needed", async () => {
    const publicDir = path.join(process.cwd(), "app", PUBLIC_API_BASE);
    const onDisk: string[] = [];
    const walk = async (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && !["apple", "passes"].includes(entry.name)) await walk(full);
        else if (entry.name === "route.ts") {
          const route = path
            .relative(publicDir, dir)
            .split(path.sep)
            .map((part) => part.replace(/^\[(.+)\]$/, "{$1}"))
            .join("/");
          const handlers = (await import(full)) as Record<string, unknown>;
          for (const method of METHODS) if (typeof handlers[method] === "function") onDisk.push(`${method} /${route}`);
        }
      }
    };
    await walk(publicDir);
    const documented = PUBLIC_OPERATIONS.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`).sort();
    expect(documented).toEqual(onDisk.sort());
    const document = buildOpenApiDocument("https://loyalty.example") as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    expect(document.paths[`${PUBLIC_API_BASE}/enroll`]!.post!.security).toEqual([]);
  });

  it("documents exactly the admin routes that exist, design.md's four, behind the admin session", async () => {
    const adminDir = path.join(process.cwd(), "app", ADMIN_API_BASE);
    const onDisk: string[] = [];
    const walk = async (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.name === "route.ts") {
          const route = path
            .relative(adminDir, dir)
            .split(path.sep)
            .map((part) => part.replace(/^\[(.+)\]$/, "{$1}"))
            .join("/");
          const handlers = (await import(full)) as Record<string, unknown>;
          for (const method of METHODS) if (typeof handlers[method] === "function") onDisk.push(`${method} /${route}`);
        }
      }
    };
    await walk(adminDir);
    const documented = ADMIN_OPERATIONS.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`).sort();
    expect(documented).toEqual(onDisk.sort());
    expect(documented).toEqual(["GET /programs", "GET /programs/{id}", "GET /programs/{id}/stats", "GET /stats"]);
    const document = buildOpenApiDocument("https://loyalty.example") as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    expect(document.paths[`${ADMIN_API_BASE}/stats`]!.get!.security).toEqual([{ adminSession: [] }]);
  });

  it("covers every endpoint of design.md's vendor table", () => {
    const documented = new Set(VENDOR_OPERATIONS.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`));
    const table = [
      "GET /program",
      "POST /program",
      "PATCH /program",
      "GET /stats",
      "GET /stores",
      "POST /stores",
      "GET /cards",
      "POST /cards/enroll",
      "POST /cards/lookup",
      "GET /cards/{cardNumber}/transactions",
      "POST /stamp",
      "POST /stamp/redeem",
      "POST /points",
      "POST /points/redeem",
      "GET /pins",
      "POST /pins",
      "PATCH /pins/{id}",
      "DELETE /pins/{id}",
      "POST /pins/{id}/unlock",
    ];
    for (const endpoint of table) expect(documented, endpoint).toContain(endpoint);
  });

  it("describes bodies, the Idempotency-Key of balance changes, and the error codes", () => {
    const document = buildOpenApiDocument("https://loyalty.example") as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> };
            parameters?: { name: string }[];
            responses: Record<string, { description: string }>;
          }
        >
      >;
    };
    const stamp = document.paths[`${VENDOR_API_BASE}/stamp`]!.post!;
    const body = stamp.requestBody!.content["application/json"]!.schema;
    expect(Object.keys(body.properties)).toEqual(["cardNumber", "qrCode", "storeId", "staffPin", "staffId"]);
    expect(body.required).toEqual(["storeId"]);
    expect(stamp.parameters!.map((p) => p.name)).toContain("Idempotency-Key");
    expect(stamp.responses["429"]!.description).toBe("COOLDOWN_ACTIVE, DAILY_LIMIT_REACHED");
    expect(stamp.responses["200"]).toBeTruthy();
  });
});

import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { ADMIN_API_BASE, ADMIN_OPERATIONS } from "./admin-operations";
import { PUBLIC_API_BASE, PUBLIC_OPERATIONS } from "./public-operations";
import { VENDOR_OPERATIONS, type Operation } from "./vendor-operations";

export const VENDOR_API_BASE = "/api/v1/vendor/loyalty";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const problemSchema: JsonSchema = {
  type: "object",
  description: "RFC 9457 problem details, with a stable `code`.",
  required: ["type", "title", "status", "code"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    code: { type: "string", enum: Object.keys(ERROR_STATUS) },
    detail: { type: "string" },
    retryAfter: { type: "number", description: "Seconds until trying again makes sense (also sent as Retry-After)." },
    errors: {
      type: "object",
      additionalProperties: { type: "array", items: { type: "string" } },
      description: "Field → problems, for VALIDATION_FAILED.",
    },
  },
};

function errorResponses(codes: ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus.entries()].map(([status, list]) => [
      String(status),
      { description: list.join(", "), content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
    ]),
  );
}

function operationObject(operation: Operation): Record<string, unknown> {
  const parameters: unknown[] = [];
  for (const [name, param] of Object.entries(operation.pathParams ?? {})) {
    parameters.push({ name, in: "path", required: true, description: param.description, schema: jsonSchema(param.schema, "input") });
  }
  if (operation.query) {
    const query = jsonSchema(operation.query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const { description, ...rest } = schema;
      parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, description, schema: rest });
    }
  }
  if (operation.idempotent) {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "Any unique string per intended change (a UUID). The same key with the same body returns the first answer again (with `Idempotent-Replayed: true`) without a second ledger entry; with another body it is refused (IDEMPOTENCY_CONFLICT). Keys are kept 24 hours.",
      schema: { type: "string", pattern: "^[A-Za-z0-9_.:\\-]{1,255}$" },
    });
  }
  return {
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    operationId: `${operation.method}${operation.path
      .replace(/[{}]/g, "")
      .replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())
      .replace(/\W/g, "")}`,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(operation.body, "input") } } } }
      : {}),
    responses: {
      ...Object.fromEntries(
        operation.responses.map((response) => [
          String(response.status),
          {
            description: response.description,
            ...(response.schema ? { content: { "application/json": { schema: jsonSchema(response.schema, "output") } } } : {}),
          },
        ]),
      ),
      ...errorResponses(operation.errors),
    },
  };
}

/** The OpenAPI 3.1 document of the vendor API, generated from the zod schemas the handlers parse with. */
export function buildOpenApiDocument(publicUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of VENDOR_OPERATIONS) {
    const path = `${VENDOR_API_BASE}${operation.path}`;
    paths[path] = { ...paths[path], [operation.method]: operationObject(operation) };
  }
  // The customer's side needs no API key.
  for (const operation of PUBLIC_OPERATIONS) {
    const path = `${PUBLIC_API_BASE}${operation.path}`;
    paths[path] = { ...paths[path], [operation.method]: { ...operationObject(operation), security: [] } };
  }
  // Platform admins call these with the admin console's session cookie, not a merchant key.
  for (const operation of ADMIN_OPERATIONS) {
    const path = `${ADMIN_API_BASE}${operation.path}`;
    paths[path] = { ...paths[path], [operation.method]: { ...operationObject(operation), security: [{ adminSession: [] }] } };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Loyalty vendor API",
      version: "1.0.0",
      description:
        "Stamp cards and points programs of one merchant. Authenticate with a merchant API key: `Authorization: Bearer <key>`. Every answer is scoped to that key's merchant. Errors are `application/problem+json` with a stable `code`.",
    },
    servers: [{ url: publicUrl }],
    security: [{ apiKey: [] }],
    tags: ["Program", "Stores", "Cards", "Balances", "Staff PINs", "Statistics", "Public enrollment", "Platform admin"].map((name) => ({
      name,
    })),
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "A merchant API key (lk_…), created by the merchant's owner." },
        adminSession: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The admin console's session cookie of a platform admin (`__Host-next-auth.session-token` behind HTTPS).",
        },
      },
      schemas: { Problem: problemSchema },
    },
  };
}

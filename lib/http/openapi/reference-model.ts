import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { buildOpenApiDocument, VENDOR_API_BASE } from "./build-openapi";
import { describeSchema, type FieldRow } from "./describe-schema";
import { VENDOR_OPERATIONS } from "./vendor-operations";

export type ReferenceOperation = {
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  idempotent: boolean;
  parameters: (FieldRow & { location: "path" | "query" | "header" })[];
  body: FieldRow[];
  responses: { status: number; description: string; fields: FieldRow[] }[];
  errors: { code: ErrorCode; status: number }[];
};

export type ReferenceSection = { tag: string; operations: ReferenceOperation[] };

type DocOperation = {
  parameters?: {
    name: string;
    in: "path" | "query" | "header";
    required: boolean;
    description?: string;
    schema: Record<string, unknown>;
  }[];
  requestBody?: { content: { "application/json": { schema: Record<string, unknown> } } };
  responses: Record<string, { content?: { "application/json": { schema: Record<string, unknown> } } }>;
};

/** The vendor API reference as plain data for the /docs/api page, from the same document /api/v1/openapi.json serves. */
export function buildApiReference(publicUrl: string): ReferenceSection[] {
  const document = buildOpenApiDocument(publicUrl) as { paths: Record<string, Record<string, DocOperation>> };
  const sections = new Map<string, ReferenceOperation[]>();
  for (const operation of VENDOR_OPERATIONS) {
    const doc = document.paths[`${VENDOR_API_BASE}${operation.path}`]![operation.method]!;
    const parameters = (doc.parameters ?? []).map((parameter) => {
      const [row] = describeSchema({
        type: "object",
        properties: { [parameter.name]: { ...parameter.schema, description: parameter.description } },
        required: parameter.required ? [parameter.name] : [],
      });
      return { ...row!, location: parameter.in };
    });
    const reference: ReferenceOperation = {
      anchor: `${operation.method}-${operation.path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`,
      method: operation.method.toUpperCase(),
      path: `${VENDOR_API_BASE}${operation.path}`,
      summary: operation.summary,
      description: operation.description ?? null,
      idempotent: operation.idempotent ?? false,
      parameters,
      body: doc.requestBody ? describeSchema(doc.requestBody.content["application/json"].schema) : [],
      responses: operation.responses.map((response) => ({
        status: response.status,
        description: response.description,
        fields: describeSchema(doc.responses[String(response.status)]?.content?.["application/json"].schema ?? {}),
      })),
      errors: [...new Set(operation.errors)].map((code) => ({ code, status: ERROR_STATUS[code] })).sort((a, b) => a.status - b.status),
    };
    sections.set(operation.tag, [...(sections.get(operation.tag) ?? []), reference]);
  }
  return [...sections.entries()].map(([tag, operations]) => ({ tag, operations }));
}

import { getConfig } from "@/lib/config";
import { buildOpenApiDocument } from "@/lib/http/openapi/build-openapi";

export const dynamic = "force-dynamic";

/** The vendor API's OpenAPI 3.1 document. */
export function GET(): Response {
  return Response.json(buildOpenApiDocument(getConfig().publicUrl), { headers: { "cache-control": "public, max-age=300" } });
}

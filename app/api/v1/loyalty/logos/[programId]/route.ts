import { z } from "zod";
import { errorResponse } from "@/lib/http/api-route";
import { problemResponse } from "@/lib/http/problem";
import { getProgramLogo } from "@/lib/programs/get-program-logo";

export const dynamic = "force-dynamic";

const programIdSchema = z.uuid();

/**
 * The program's logo, public like the card it is printed on (Apple and
 * Google passes, the enrollment page). Always the stored type; revalidated
 * by ETag, so a new logo shows within minutes everywhere and at once where
 * the address carries its version (?v=).
 */
export async function GET(request: Request, context: { params: Promise<{ programId: string }> }): Promise<Response> {
  try {
    const { programId } = await context.params;
    const parsed = programIdSchema.safeParse(programId);
    const logo = parsed.success ? await getProgramLogo(parsed.data) : null;
    if (!logo) return problemResponse("NOT_FOUND", { detail: "This program has no logo." });
    const headers = new Headers({
      "content-type": logo.mimeType,
      etag: logo.etag,
      "cache-control": "public, max-age=300, stale-while-revalidate=86400",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    });
    if (matches(request.headers.get("if-none-match"), logo.etag)) return new Response(null, { status: 304, headers });
    headers.set("content-length", String(logo.bytes.byteLength));
    return new Response(logo.bytes, { status: 200, headers });
  } catch (error) {
    return errorResponse(error, request);
  }
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const value = tag.trim().replace(/^W\//, "");
    return value === "*" || value === etag;
  });
}

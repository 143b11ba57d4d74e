import { CLOSE_AFTER_REFUSAL, readBoundedText } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";

const BODY = JSON.stringify({ status: "alive" });

/**
 * Liveness: the process answers, without touching the database (readiness is
 * /api/health). Also the framework's ceiling in bench/stamp.ts.
 */
export function GET(): Response {
  return new Response(BODY, { headers: { "content-type": "application/json", "cache-control": "no-store" } });
}

/** The same answer to a POST whose JSON body is read and ignored: the framework's ceiling for requests like POST /stamp. */
export async function POST(request: Request): Promise<Response> {
  if ((await readBoundedText(request)) === null) return new Response(null, { status: 413, headers: CLOSE_AFTER_REFUSAL });
  return GET();
}

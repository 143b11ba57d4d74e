import { problemResponse } from "@/lib/http/problem";
import { checkDatabase } from "@/lib/health/check-database";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 problem+json when it does not. */
export async function GET(): Promise<Response> {
  const health = await checkDatabase();
  if (!health.ok) {
    logger.warn("health.database_unavailable", { database: health.database, reason: health.reason });
    return problemResponse("SERVICE_UNAVAILABLE", {
      detail: "The database does not answer. Try again in a few seconds.",
      retryAfter: 5,
      extra: { database: health.database },
    });
  }
  return Response.json({ status: "ok", database: health.database }, { headers: { "cache-control": "no-store" } });
}

import "server-only";
import type { z } from "zod";
import type { AdminContext } from "@/lib/admin/admin-context";
import { authenticateAdmin } from "@/lib/auth/admin-auth";
import { systemClock, type Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { errorResponse, parseWith } from "./api-route";
import { admitRequest } from "./in-flight";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type AdminArgs<Query, Params> = { ctx: AdminContext; query: Query; params: Params; request: Request };

/**
 * An admin API route handler (read-only, GET): authenticates a platform
 * admin (401 anonymous, 403 anyone else), parses path and query with zod,
 * and answers every failure as problem+json, like vendorRoute.
 */
export function adminRoute<Query = undefined, Params = undefined>(
  options: { query?: z.ZodType<Query, unknown>; params?: z.ZodType<Params, unknown>; clock?: Clock },
  handler: (args: AdminArgs<Query, Params>) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return (request, context) =>
    admitRequest(async () => {
      try {
        const ctx = await authenticateAdmin(request, options.clock ?? systemClock);
        const rawParams = await context.params;
        let params = undefined as Params;
        if (options.params) {
          const parsed = options.params.safeParse(rawParams);
          if (!parsed.success) throw new AppError("NOT_FOUND", {}, "Nothing at this address.");
          params = parsed.data;
        }
        const url = new URL(request.url);
        const query = options.query ? parseWith(options.query, Object.fromEntries(url.searchParams), "query") : (undefined as Query);
        return await handler({ ctx, query, params, request });
      } catch (error) {
        return errorResponse(error, request);
      }
    }, request);
}

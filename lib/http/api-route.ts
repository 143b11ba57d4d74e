import "server-only";
import { z } from "zod";
import { authenticateVendor } from "@/lib/auth/vendor-auth";
import { systemClock, type Clock } from "@/lib/clock";
import { AppError, isAppError } from "@/lib/errors";
import { hashRequest, type IdempotencyInput } from "@/lib/ledger/idempotency";
import { logger } from "@/lib/logger";
import type { ServiceContext } from "@/lib/service-context";
import { trackRequest } from "./in-flight";
import { problemFromAppError, problemResponse } from "./problem";
import { idempotencyKeySchema } from "./request-schemas";
import { validationError } from "./zod-problem";

import { MAX_BODY_BYTES, readBoundedText } from "./read-body";

export { MAX_BODY_BYTES };

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type VendorArgs<Body, Query, Params> = {
  ctx: ServiceContext;
  body: Body;
  query: Query;
  params: Params;
  request: Request;
  /** Set when the client sent an Idempotency-Key (balance-changing routes only). */
  idempotency?: IdempotencyInput;
};

export type VendorRouteOptions<Body, Query, Params> = {
  body?: z.ZodType<Body, unknown>;
  query?: z.ZodType<Query, unknown>;
  params?: z.ZodType<Params, unknown>;
  /** Accepts an Idempotency-Key header (every balance-changing route). */
  idempotent?: boolean;
  clock?: Clock;
};

/** A JSON answer; `replayed` marks the first answer given again for a repeated Idempotency-Key. */
export function json(data: unknown, init: { status?: number; replayed?: boolean } = {}): Response {
  const headers = new Headers({ "content-type": "application/json", "cache-control": "no-store" });
  if (init.replayed) headers.set("idempotent-replayed", "true");
  return new Response(JSON.stringify(data), { status: init.status ?? 200, headers });
}

export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readBoundedText(request, MAX_BODY_BYTES);
  if (text === null) throw new AppError("VALIDATION_FAILED", {}, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  if (text.trim() === "") return {};
  const type = request.headers.get("content-type") ?? "";
  if (type && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new AppError("VALIDATION_FAILED", {}, "Send the request body as JSON (Content-Type: application/json).");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError(
      "VALIDATION_FAILED",
      { fieldErrors: { "(body)": ["validation.malformedJson"] } },
      `Malformed JSON: ${(error as Error).message}`,
    );
  }
}

export function parseWith<T>(schema: z.ZodType<T, unknown>, value: unknown, where: "body" | "query"): T {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

/** Errors the database driver raises when it cannot be reached: the service is unavailable, not broken. */
function isDatabaseUnavailable(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|timeout exceeded when trying to connect|Connection terminated|DatabaseNotReachable|P1001|P2024|P1017/i.test(
    text,
  );
}

export function errorResponse(error: unknown, request: Request): Response {
  if (isAppError(error)) return problemFromAppError(error);
  if (isDatabaseUnavailable(error)) {
    logger.warn("http.database_unavailable", { path: new URL(request.url).pathname, error: (error as Error).message });
    return problemResponse("SERVICE_UNAVAILABLE", { detail: "The database is not reachable right now.", retryAfter: 5 });
  }
  logger.error("http.unexpected_error", { method: request.method, path: new URL(request.url).pathname, error });
  return problemResponse("INTERNAL_ERROR", { detail: "Something went wrong on our side. Try again; if it persists, contact support." });
}

/**
 * A vendor API route handler: authenticates the merchant, parses and
 * validates path, query and JSON body with zod (unknown fields refused by
 * name), reads the Idempotency-Key, calls the handler, and answers every
 * failure as problem+json with its stable code.
 */
export function vendorRoute<Body = undefined, Query = undefined, Params = undefined>(
  options: VendorRouteOptions<Body, Query, Params>,
  handler: (args: VendorArgs<Body, Query, Params>) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return (request, context) =>
    trackRequest(async () => {
      try {
        const rawParams = await context.params;
        let params = undefined as Params;
        if (options.params) {
          const parsed = options.params.safeParse(rawParams);
          if (!parsed.success) throw new AppError("NOT_FOUND", {}, "Nothing at this address.");
          params = parsed.data;
        }
        const ctx = await authenticateVendor(request, options.clock ?? systemClock);
        const url = new URL(request.url);
        const query = options.query ? parseWith(options.query, Object.fromEntries(url.searchParams), "query") : (undefined as Query);
        const rawBody = options.body ? await readJsonBody(request) : undefined;
        const body = options.body ? parseWith(options.body, rawBody, "body") : (undefined as Body);
        let idempotency: IdempotencyInput | undefined;
        const key = request.headers.get("idempotency-key");
        if (options.idempotent && key !== null) {
          const checked = idempotencyKeySchema.safeParse(key);
          if (!checked.success)
            throw new AppError(
              "VALIDATION_FAILED",
              { fieldErrors: { "Idempotency-Key": ["validation.idempotencyKey"] } },
              "Invalid Idempotency-Key.",
            );
          idempotency = { key, requestHash: hashRequest(request.method, url.pathname, rawBody) };
        }
        return await handler({ ctx, body, query, params, request, idempotency });
      } catch (error) {
        return errorResponse(error, request);
      }
    });
}

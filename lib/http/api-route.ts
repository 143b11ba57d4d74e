import "server-only";
import { z } from "zod";
import { authenticateVendor } from "@/lib/auth/vendor-auth";
import { systemClock, type Clock } from "@/lib/clock";
import { AppError, isAppError } from "@/lib/errors";
import { hashRequest, type IdempotencyInput } from "@/lib/ledger/idempotency";
import { logger } from "@/lib/logger";
import type { ServiceContext } from "@/lib/service-context";
import { admitRequest } from "./in-flight";
import { problemFromAppError, problemResponse } from "./problem";
import { idempotencyKeySchema } from "./request-schemas";
import { validationError } from "./zod-problem";

import { CLOSE_AFTER_REFUSAL, MAX_BODY_BYTES, readBoundedText } from "./read-body";

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
  if (text === null) {
    throw Object.assign(new AppError("VALIDATION_FAILED", {}, `The request body is larger than ${MAX_BODY_BYTES} bytes.`), {
      closeConnection: true,
    });
  }
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

/**
 * Driver and server errors that mean the database cannot serve this request
 * now, though it may in a moment: the service is unavailable, not broken.
 * Unreachable or restarting server (refused, reset, terminated by an
 * administrator command 57P01, starting up or shutting down 57P03, crash
 * shutdown 57P02), no free pooled connection within the acquire timeout, no
 * transaction slot within Prisma's wait (P2028), too many connections
 * (53300), and a statement cancelled by statement_timeout (57014) under
 * overload. Prisma wraps driver errors (meta.driverAdapterError.cause…), so
 * the whole error is searched.
 */
const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|timeout exceeded when trying to connect|Connection terminated|terminating connection|Client has encountered a connection error|Connection ended|database system is (starting up|shutting down|in recovery|not yet accepting)|statement timeout|Unable to start a transaction|Transaction already closed|DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections|\b(P1001|P1002|P1008|P1017|P2024|P2028|P2037|57P01|57P02|57P03|57014|53300|08000|08003|08006)\b/i;

function isDatabaseUnavailable(error: unknown): boolean {
  return UNAVAILABLE.test(errorText(error, 0, new Set()));
}

/** The strings of an error and of its causes and metadata (a few levels deep). */
function errorText(value: unknown, depth: number, seen: Set<unknown>): string {
  if (typeof value === "string") return value;
  if (typeof value !== "object" || value === null || depth > 4 || seen.has(value)) return "";
  seen.add(value);
  const parts: string[] = [];
  for (const key of ["code", "message", "kind", "originalCode", "originalMessage", "reason"]) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field === "string") parts.push(field);
  }
  for (const key of ["cause", "meta", "driverAdapterError", "error"]) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) parts.push(errorText(field, depth + 1, seen));
  }
  return parts.join(" ");
}

export function errorResponse(error: unknown, request: Request): Response {
  if (isAppError(error)) {
    const response = problemFromAppError(error);
    if ((error as { closeConnection?: boolean }).closeConnection) {
      for (const [name, value] of Object.entries(CLOSE_AFTER_REFUSAL)) response.headers.set(name, value);
    }
    return response;
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn("http.database_unavailable", {
      requestId: request.headers.get("x-request-id"),
      path: new URL(request.url).pathname,
      error: (error as Error).message,
    });
    return problemResponse("SERVICE_UNAVAILABLE", { detail: "The database is not reachable right now.", retryAfter: 5 });
  }
  logger.error("http.unexpected_error", {
    requestId: request.headers.get("x-request-id"),
    method: request.method,
    path: new URL(request.url).pathname,
    error,
  });
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
    admitRequest(async () => {
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
    }, request);
}

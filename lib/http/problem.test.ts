import { describe, expect, it } from "vitest";
import { AppError, ERROR_STATUS } from "@/lib/errors";
import { problemFromAppError, problemResponse } from "./problem";

describe("problemResponse", () => {
  it("answers application/problem+json with the stable code and status", async () => {
    const response = problemResponse("NOT_FOUND", { detail: "No card with that number" });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toEqual({
      type: "about:blank#NOT_FOUND",
      title: "Not found",
      status: 404,
      code: "NOT_FOUND",
      detail: "No card with that number",
    });
  });

  it("carries retryAfter in the body and as a Retry-After header", async () => {
    const response = problemFromAppError(
      new AppError("COOLDOWN_ACTIVE", { retryAfter: 539.2, extra: { nextStampAvailableAt: "2026-01-01T14:32:00Z" } }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("540");
    expect(await response.json()).toMatchObject({
      code: "COOLDOWN_ACTIVE",
      retryAfter: 539.2,
      nextStampAvailableAt: "2026-01-01T14:32:00Z",
    });
  });

  it("names the fields of a validation error", async () => {
    const response = problemResponse("VALIDATION_FAILED", { fieldErrors: { purchaseAmountCents: ["Expected a positive whole number"] } });
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual({ purchaseAmountCents: ["Expected a positive whole number"] });
  });

  it("maps every code of the design's contract to its status", () => {
    expect(ERROR_STATUS).toMatchObject({
      VALIDATION_FAILED: 422,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      PIN_INVALID: 401,
      PIN_LOCKED: 423,
      COOLDOWN_ACTIVE: 429,
      DAILY_LIMIT_REACHED: 429,
      CARD_FULL: 409,
      REWARD_NOT_AVAILABLE: 409,
      INSUFFICIENT_POINTS: 409,
      IDEMPOTENCY_CONFLICT: 422,
      MERCHANT_SUSPENDED: 403,
      RATE_LIMITED: 429,
    });
  });
});

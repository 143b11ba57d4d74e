import { z } from "zod";

/** Path ids are UUIDs; anything else names nothing (404, not 422). */
export const idParamSchema = z.uuid();

export const limitSchema = z.coerce.number().int().min(1).max(100).default(25);

export const pageQuerySchema = z
  .object({
    limit: limitSchema,
    cursor: z.string().max(500).optional(),
  })
  .strict();

/** Idempotency-Key: what clients generate (UUIDs, ULIDs, opaque tokens). */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_.:\-]{1,255}$/, "validation.idempotencyKey");

import { z } from "zod";
import { adjustRequestSchema } from "@/lib/cards/schemas";

/**
 * The Customers page's query string (a GET form, so a search is a link to
 * share and works without JavaScript). Unknown parameters are ignored;
 * a filter is on when its checkbox sent any value.
 */
const checkbox = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => value !== undefined);

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const customerListQuerySchema = z.object({
  q: z.preprocess(firstValue, z.string().trim().max(100).optional()).catch(undefined),
  reward: checkbox,
  inactive: checkbox,
  consent: checkbox,
  after: z.preprocess(firstValue, z.string().max(500).optional()).catch(undefined),
});

export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

/**
 * A manual adjustment from the card page: the API's body plus the
 * idempotency key the form generates, so a double submit adjusts once.
 */
export const adjustFormSchema = adjustRequestSchema.extend({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_.:-]{16,100}$/, "validation.idempotencyKey"),
});

export type AdjustFormInput = z.infer<typeof adjustFormSchema>;

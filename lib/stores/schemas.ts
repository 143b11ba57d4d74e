import { z } from "zod";

export const storeCodeSchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{4,16}$/, "validation.storeCode"));

export const createStoreInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    address: z.string().trim().max(200).nullable().optional(),
    /** The short public code in the store's QR URL; generated when not given. */
    code: storeCodeSchema.optional(),
  })
  .strict();
export type CreateStoreInput = z.infer<typeof createStoreInputSchema>;

export const storeViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string(),
  address: z.string().nullable(),
  archived: z.boolean(),
  joinUrl: z.url().meta({ description: "The enrollment page the store's QR poster opens." }),
  createdAt: z.iso.datetime(),
});

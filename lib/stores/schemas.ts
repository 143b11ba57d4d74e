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

/** Name and address only: the code stays, because printed posters carry it. */
export const updateStoreInputSchema = z
  .object({
    storeId: z.uuid(),
    name: z.string().trim().min(1).max(80),
    /** Empty or null clears the address. */
    address: z.string().trim().max(200).nullable().optional(),
  })
  .strict();
export type UpdateStoreInput = z.infer<typeof updateStoreInputSchema>;

/** Names one store: archive, restore, pair a tablet. */
export const storeIdInputSchema = z.object({ storeId: z.uuid() }).strict();
export type StoreIdInput = z.infer<typeof storeIdInputSchema>;

export const storeViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string(),
  address: z.string().nullable(),
  archived: z.boolean(),
  joinUrl: z.url().meta({ description: "The enrollment page the store's QR poster opens." }),
  createdAt: z.iso.datetime(),
});

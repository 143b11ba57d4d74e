import { z } from "zod";

/** What the tablet sends to pair itself: the link's token and a name people will recognise in the dashboard. */
export const pairDeviceInputSchema = z
  .object({
    token: z.string().min(1).max(200),
    name: z.string().trim().min(1).max(60),
  })
  .strict();
export type PairDeviceInput = z.infer<typeof pairDeviceInputSchema>;

export const revokeDeviceInputSchema = z.object({ storeId: z.uuid(), deviceId: z.uuid() }).strict();
export type RevokeDeviceInput = z.infer<typeof revokeDeviceInputSchema>;

import { z } from "zod";

/**
 * What the dashboard's API key forms send (the services live in
 * lib/auth/api-keys.ts, next to the key authentication they share a cache with).
 */

export const apiKeyNameSchema = z.string().trim().min(1).max(80);

export const createApiKeyInputSchema = z.object({ name: apiKeyNameSchema }).strict();
export type CreateApiKeyInput = z.infer<typeof createApiKeyInputSchema>;

export const renameApiKeyInputSchema = z.object({ apiKeyId: z.uuid(), name: apiKeyNameSchema }).strict();
export type RenameApiKeyInput = z.infer<typeof renameApiKeyInputSchema>;

export const revokeApiKeyInputSchema = z.object({ apiKeyId: z.uuid() }).strict();
export type RevokeApiKeyInput = z.infer<typeof revokeApiKeyInputSchema>;

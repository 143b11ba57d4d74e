"use server";

import { revalidatePath } from "next/cache";
import { merchantAction } from "@/lib/actions/merchant-action";
import { createApiKeyInputSchema, renameApiKeyInputSchema, revokeApiKeyInputSchema } from "@/lib/api-keys/schemas";
import { createApiKey, renameApiKey, revokeApiKey } from "@/lib/auth/api-keys";

const refresh = () => revalidatePath("/dashboard/api-keys");

/** Answers the key itself once, for the "copy it now" box; only its hash is stored. */
export const createApiKeyAction = merchantAction({ schema: createApiKeyInputSchema, ownerOnly: true }, async (session, { name }) => {
  const created = await createApiKey(session.ctx, name);
  refresh();
  return { id: created.id, name: created.name, key: created.key };
});

export const renameApiKeyAction = merchantAction(
  { schema: renameApiKeyInputSchema, ownerOnly: true },
  async (session, { apiKeyId, name }) => {
    await renameApiKey(session.ctx, apiKeyId, name);
    refresh();
  },
);

export const revokeApiKeyAction = merchantAction({ schema: revokeApiKeyInputSchema, ownerOnly: true }, async (session, { apiKeyId }) => {
  await revokeApiKey(session.ctx, apiKeyId);
  refresh();
});

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { merchantAction } from "@/lib/actions/merchant-action";
import { createStore } from "@/lib/stores/create-store";
import { createStoreInputSchema } from "@/lib/stores/schemas";

export const createStoreAction = merchantAction({ schema: createStoreInputSchema }, async (session, input) => {
  const store = await createStore(session.ctx, input);
  revalidatePath("/dashboard/stores");
  // The new store's page is where its poster is printed and its tablet paired.
  redirect(`/dashboard/stores/${store.id}?created=1`);
});

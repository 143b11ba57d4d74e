"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
import { reactivateMerchant } from "@/lib/admin/reactivate-merchant";
import { reactivateMerchantSchema, suspendMerchantSchema } from "@/lib/admin/schemas";
import { suspendMerchant } from "@/lib/admin/suspend-merchant";

export const suspendMerchantAction = adminAction({ schema: suspendMerchantSchema }, async ({ ctx }, input) => {
  const result = await suspendMerchant(ctx, input);
  revalidatePath(`/admin/merchants/${input.merchantId}`);
  return result;
});

export const reactivateMerchantAction = adminAction({ schema: reactivateMerchantSchema }, async ({ ctx }, input) => {
  const result = await reactivateMerchant(ctx, input);
  revalidatePath(`/admin/merchants/${input.merchantId}`);
  return result;
});

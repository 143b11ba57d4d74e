"use server";

import { revalidatePath } from "next/cache";
import { formValues } from "@/lib/actions/form-values";
import { merchantAction } from "@/lib/actions/merchant-action";
import { adjustCardBalance } from "@/lib/customers/adjust-card-balance";
import { adjustFormSchema } from "@/lib/customers/schemas";

export const adjustBalanceAction = merchantAction(
  { schema: adjustFormSchema, fromForm: (form) => formValues(form, { numbers: ["stampsDelta", "pointsDelta"] }) },
  async (session, input) => {
    const result = await adjustCardBalance(session.ctx, input);
    revalidatePath(`/dashboard/customers/${result.cardNumber}`);
    return result;
  },
);

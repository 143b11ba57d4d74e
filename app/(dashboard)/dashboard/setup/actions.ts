"use server";

import { revalidatePath } from "next/cache";
import { formValues } from "@/lib/actions/form-values";
import { merchantAction } from "@/lib/actions/merchant-action";
import { setUpProgram } from "@/lib/merchants/set-up-program";
import { setUpProgramInputSchema } from "@/lib/merchants/setup-schemas";
import { createStaffInputSchema } from "@/lib/staff/schemas";
import { createStaffMember } from "@/lib/staff/manage-staff";
import { createStoreInputSchema } from "@/lib/stores/schemas";
import { createStore } from "@/lib/stores/create-store";

export const setUpProgramAction = merchantAction(
  {
    schema: setUpProgramInputSchema,
    fromForm: (form) => {
      const values = formValues(form, { numbers: ["stampsTarget", "pointsPerEuro", "rewardPointsCost"] });
      const type = values.loyaltyType;
      const program = {
        loyaltyType: type,
        cardName: values.cardName,
        ...(type !== "points"
          ? { stampsTarget: values.stampsTarget, stampsRewardDescription: values.stampsRewardDescription ?? null }
          : {}),
        ...(type !== "stamps" ? { pointsPerEuro: values.pointsPerEuro } : {}),
      };
      const hasReward = type !== "stamps" && (values.rewardName !== undefined || values.rewardPointsCost !== undefined);
      return { program, ...(hasReward ? { reward: { name: values.rewardName, pointsCost: values.rewardPointsCost } } : {}) };
    },
  },
  async (session, input) => {
    await setUpProgram(session.ctx, input);
    revalidatePath("/dashboard", "layout");
    return null;
  },
);

export const setUpStoreAction = merchantAction({ schema: createStoreInputSchema }, async (session, input) => {
  await createStore(session.ctx, input);
  revalidatePath("/dashboard", "layout");
  return null;
});

/** No revalidation: the page keeps showing the PIN until the person has noted it and continues. */
export const setUpStaffAction = merchantAction(
  { schema: createStaffInputSchema, fromForm: (form) => formValues(form, { lists: ["storeIds"] }) },
  async (session, input) => {
    const staff = await createStaffMember(session.ctx, input);
    return { name: staff.name, pin: input.pin };
  },
);

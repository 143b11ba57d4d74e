"use server";

import { revalidatePath } from "next/cache";
import { formValues } from "@/lib/actions/form-values";
import { merchantAction } from "@/lib/actions/merchant-action";
import { parseAmountToCents } from "@/lib/domain/money";
import { createProgram } from "@/lib/programs/create-program";
import { createReward, updateReward } from "@/lib/programs/manage-rewards";
import { removeProgramLogo } from "@/lib/programs/remove-program-logo";
import {
  createProgramInputSchema,
  createRewardInputSchema,
  removeLogoFormSchema,
  updateProgramInputSchema,
  updateRewardFormSchema,
  uploadLogoFormSchema,
} from "@/lib/programs/schemas";
import { updateProgram } from "@/lib/programs/update-program";
import { updateProgramLogo } from "@/lib/programs/update-program-logo";

const PAGE = "/dashboard/program";

/**
 * The program form as the API's fields. A field the form shows but the
 * person emptied stays empty, so the schema says it is required instead of
 * silently keeping the old value; fields of the other card type are not in
 * the form and stay as they are. The purchase bound is typed in euros.
 */
function programFromForm(form: FormData): Record<string, unknown> {
  const { maxPurchaseEuros, ...values } = formValues(form, {
    numbers: [
      "stampsTarget",
      "pointsPerEuro",
      "cooldownMinutes",
      "maxDailyStamps",
      "staffSessionIdleMinutes",
      "staffSessionMaxHours",
      "pointsExpiryMonths",
      "birthdayRewardStamps",
      "birthdayRewardPoints",
    ],
    booleans: ["requireStaffPin", "active", "birthdayRewardEnabled"],
    keepEmpty: [
      "cardName",
      "stampsTarget",
      "stampsRewardDescription",
      "pointsPerEuro",
      "maxPurchaseEuros",
      "cooldownMinutes",
      "maxDailyStamps",
      "staffSessionIdleMinutes",
      "staffSessionMaxHours",
    ],
  });
  // An empty expiry means points never expire.
  if (form.has("pointsExpiryMonths") && String(form.get("pointsExpiryMonths")).trim() === "") values.pointsExpiryMonths = null;
  if (typeof maxPurchaseEuros === "string") values.maxPurchaseCents = parseAmountToCents(maxPurchaseEuros) ?? maxPurchaseEuros;
  return values;
}

function rewardFromForm(form: FormData): Record<string, unknown> {
  const values = formValues(form, { numbers: ["pointsCost"], keepEmpty: ["name", "pointsCost", "description"] });
  // An emptied description is taken off the reward.
  if (values.description === undefined || (typeof values.description === "string" && values.description.trim() === "")) {
    values.description = null;
  }
  return values;
}

export const createProgramAction = merchantAction(
  { schema: createProgramInputSchema, fromForm: programFromForm },
  async (session, input) => {
    const program = await createProgram(session.ctx, input);
    revalidatePath(PAGE);
    return { updatedAt: program.updatedAt };
  },
);

export const updateProgramAction = merchantAction(
  { schema: updateProgramInputSchema, fromForm: programFromForm },
  async (session, input) => {
    const program = await updateProgram(session.ctx, input);
    revalidatePath(PAGE);
    return { updatedAt: program.updatedAt };
  },
);

export const uploadLogoAction = merchantAction(
  { schema: uploadLogoFormSchema, fromForm: (form) => ({ logo: form.get("logo") }) },
  async (session, input) => {
    const logo = await updateProgramLogo(session.ctx, new Uint8Array(await input.logo.arrayBuffer()));
    revalidatePath(PAGE);
    return logo;
  },
);

export const removeLogoAction = merchantAction({ schema: removeLogoFormSchema }, async (session) => {
  await removeProgramLogo(session.ctx);
  revalidatePath(PAGE);
  return null;
});

export const createRewardAction = merchantAction({ schema: createRewardInputSchema, fromForm: rewardFromForm }, async (session, input) => {
  const reward = await createReward(session.ctx, input);
  revalidatePath(PAGE);
  return reward;
});

export const updateRewardAction = merchantAction(
  { schema: updateRewardFormSchema, fromForm: rewardFromForm },
  async (session, { rewardId, ...changes }) => {
    const reward = await updateReward(session.ctx, rewardId, changes);
    revalidatePath(PAGE);
    return reward;
  },
);

/** Retires a reward (active=false) or brings it back (active=true). */
export const setRewardActiveAction = merchantAction(
  { schema: updateRewardFormSchema, fromForm: (form) => formValues(form, { booleans: ["active"] }) },
  async (session, { rewardId, ...changes }) => {
    const reward = await updateReward(session.ctx, rewardId, changes);
    revalidatePath(PAGE);
    return reward;
  },
);

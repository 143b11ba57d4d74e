"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formValues } from "@/lib/actions/form-values";
import { publicAction } from "@/lib/actions/public-action";
import { forgetHeldCard, rememberHeldCard } from "@/lib/auth/held-cards";
import { systemClock } from "@/lib/clock";
import { eraseCustomer } from "@/lib/privacy/erase-customer";
import { setEmailConsent } from "@/lib/privacy/set-email-consent";

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** Remembers on this phone that it holds the card (cookies can only be set from an action); the page calls it only when due. */
export async function rememberCardAction(token: string): Promise<void> {
  if (tokenSchema.safeParse(token).success) await rememberHeldCard(token, systemClock.now());
}

export const setConsentAction = publicAction(
  {
    schema: z.object({ token: tokenSchema, emailConsent: z.boolean() }),
    fromForm: (form) => ({ token: form.get("token"), emailConsent: form.get("emailConsent") === "true" }),
  },
  async ({ token, emailConsent }) => {
    await setEmailConsent(token, emailConsent, systemClock);
    revalidatePath(`/card/${token}`);
    return { emailConsent };
  },
);

export const eraseAction = publicAction(
  {
    schema: z.object({ token: tokenSchema, confirm: z.literal(true, "validation.confirmErase") }),
    fromForm: (form) => formValues(form, { booleans: ["confirm"] }),
  },
  async ({ token }) => {
    await eraseCustomer(token, systemClock);
    await forgetHeldCard(token, systemClock.now());
    revalidatePath(`/card/${token}`);
    return null;
  },
);

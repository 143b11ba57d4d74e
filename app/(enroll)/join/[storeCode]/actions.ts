"use server";

import { getLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { formValues } from "@/lib/actions/form-values";
import { publicAction } from "@/lib/actions/public-action";
import { rememberHeldCard } from "@/lib/auth/held-cards";
import { systemClock } from "@/lib/clock";
import { enrollFromStore } from "@/lib/enrollment/enroll-from-store";
import { joinFormSchema } from "@/lib/enrollment/schemas";
import { AppError } from "@/lib/errors";

/** Enrolls from the store's QR page: a new card opens at once; an address that has one gets its link by email. */
export const enrollAction = publicAction(
  { schema: joinFormSchema, fromForm: (form) => formValues(form, { booleans: ["emailConsent"] }) },
  async ({ storeCode, website, emailConsent, ...customer }, request) => {
    // #6: the honeypot, hidden from people; only a bot fills it.
    if (website) throw new AppError("VALIDATION_FAILED", {}, "Rejected.");
    const result = await enrollFromStore({ storeCode, customer, emailConsent }, { ...request, locale: await getLocale() }, systemClock);
    if (result.status === "emailed") return { emailed: true as const };
    await rememberHeldCard(result.pageToken, systemClock.now());
    redirect(`/card/${result.pageToken}`);
  },
);

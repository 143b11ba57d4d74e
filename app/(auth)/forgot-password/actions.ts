"use server";

import { getLocale } from "next-intl/server";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { requestPasswordResetSchema } from "@/lib/accounts/schemas";
import { publicAction } from "@/lib/actions/public-action";
import { systemClock } from "@/lib/clock";

export const requestPasswordResetAction = publicAction({ schema: requestPasswordResetSchema }, async (input, request) => {
  await requestPasswordReset(input.email, request.clientKey, await getLocale(), systemClock);
  return null;
});

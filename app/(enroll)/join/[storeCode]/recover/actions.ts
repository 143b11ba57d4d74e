"use server";

import { getLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/public-action";
import { rememberHeldCard } from "@/lib/auth/held-cards";
import { systemClock } from "@/lib/clock";
import { recoveryCodeSchema, recoveryEmailSchema } from "@/lib/enrollment/schemas";
import { requestRecoveryCode } from "@/lib/web-card/request-recovery-code";
import { verifyRecoveryCode } from "@/lib/web-card/verify-recovery-code";

export const requestRecoveryCodeAction = publicAction({ schema: recoveryEmailSchema }, async (input, request) => {
  await requestRecoveryCode(input, { clientKey: request.clientKey, locale: await getLocale() }, systemClock);
  return { email: input.email };
});

export const verifyRecoveryCodeAction = publicAction({ schema: recoveryCodeSchema }, async (input, request) => {
  const { pageToken } = await verifyRecoveryCode(input, request, systemClock);
  await rememberHeldCard(pageToken, systemClock.now());
  redirect(`/card/${pageToken}`);
});

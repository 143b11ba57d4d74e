"use server";

import { redirect } from "next/navigation";
import { resetPassword } from "@/lib/accounts/password-reset";
import { resetPasswordSchema } from "@/lib/accounts/schemas";
import { publicAction } from "@/lib/actions/public-action";
import { systemClock } from "@/lib/clock";

export const resetPasswordAction = publicAction({ schema: resetPasswordSchema }, async (input) => {
  await resetPassword(input.token, input.password, systemClock);
  redirect("/login?notice=passwordChanged");
});

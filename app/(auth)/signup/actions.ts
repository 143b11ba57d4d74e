"use server";

import { signUpInputSchema } from "@/lib/accounts/schemas";
import { signUp } from "@/lib/accounts/sign-up";
import { publicAction } from "@/lib/actions/public-action";

export const signUpAction = publicAction({ schema: signUpInputSchema }, async (input, request) => {
  await signUp(input, request.clientKey);
  return { email: input.email };
});

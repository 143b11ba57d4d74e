"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions/public-action";
import { systemClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { unsubscribeCustomer } from "@/lib/privacy/unsubscribe-customer";

export const unsubscribeAction = publicAction({ schema: z.object({ token: z.string().max(300) }) }, async ({ token }) => {
  if (!(await unsubscribeCustomer(token, systemClock))) throw new AppError("NOT_FOUND", {}, "This link is not valid.");
  return null;
});

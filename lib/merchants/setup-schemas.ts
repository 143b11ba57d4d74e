import { z } from "zod";
import { createProgramInputSchema, createRewardInputSchema } from "@/lib/programs/schemas";

/**
 * The guided setup's first step: the program (the API's schema) and, for a
 * points program, its first catalog reward (the API's reward schema).
 */
export const setUpProgramInputSchema = z
  .object({
    program: createProgramInputSchema,
    reward: createRewardInputSchema.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.program.loyaltyType !== "stamps" && !value.reward) {
      ctx.addIssue({ code: "custom", path: ["reward", "name"], message: "validation.firstReward" });
    }
    if (value.program.loyaltyType !== "points" && !value.program.stampsRewardDescription) {
      ctx.addIssue({ code: "custom", path: ["program", "stampsRewardDescription"], message: "validation.required" });
    }
  });
export type SetUpProgramInput = z.infer<typeof setUpProgramInputSchema>;

import "server-only";
import { createProgram } from "@/lib/programs/create-program";
import { createReward } from "@/lib/programs/manage-rewards";
import type { ServiceContext } from "@/lib/service-context";
import type { SetUpProgramInput } from "./setup-schemas";

/** Creates the program and, for points, its first reward (both audited by their services). */
export async function setUpProgram(ctx: ServiceContext, input: SetUpProgramInput): Promise<void> {
  await createProgram(ctx, input.program);
  if (input.program.loyaltyType !== "stamps" && input.reward) await createReward(ctx, input.reward);
}

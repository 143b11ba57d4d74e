import { z } from "zod";
import { json, vendorRoute } from "@/lib/http/api-route";
import { idParamSchema } from "@/lib/http/request-schemas";
import { updateReward } from "@/lib/programs/manage-rewards";
import { updateRewardInputSchema } from "@/lib/programs/schemas";

export const dynamic = "force-dynamic";

export const PATCH = vendorRoute(
  { params: z.object({ rewardId: idParamSchema }), body: updateRewardInputSchema },
  async ({ ctx, params, body }) => json(await updateReward(ctx, params.rewardId, body)),
);

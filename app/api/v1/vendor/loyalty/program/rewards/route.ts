import { json, vendorRoute } from "@/lib/http/api-route";
import { createReward, listRewards } from "@/lib/programs/manage-rewards";
import { createRewardInputSchema } from "@/lib/programs/schemas";

export const dynamic = "force-dynamic";

export const GET = vendorRoute({}, async ({ ctx }) => json({ rewards: await listRewards(ctx) }));

export const POST = vendorRoute({ body: createRewardInputSchema }, async ({ ctx, body }) =>
  json(await createReward(ctx, body), { status: 201 }),
);

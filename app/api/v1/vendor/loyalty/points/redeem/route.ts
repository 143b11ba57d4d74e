import { redeemReward } from "@/lib/cards/redeem-reward";
import { cardRefOf, pointsRedeemRequestSchema } from "@/lib/cards/schemas";
import { json, vendorRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const POST = vendorRoute({ body: pointsRedeemRequestSchema, idempotent: true }, async ({ ctx, body, idempotency }) => {
  const { result, replayed } = await redeemReward(ctx, { ...body, card: cardRefOf(body), idempotency });
  return json(result, { replayed });
});

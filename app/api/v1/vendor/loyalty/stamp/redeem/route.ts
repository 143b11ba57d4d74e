import { redeemStamps } from "@/lib/cards/redeem-stamps";
import { cardRefOf, stampRedeemRequestSchema } from "@/lib/cards/schemas";
import { json, vendorRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const POST = vendorRoute({ body: stampRedeemRequestSchema, idempotent: true }, async ({ ctx, body, idempotency }) => {
  const { result, replayed } = await redeemStamps(ctx, { ...body, card: cardRefOf(body), idempotency });
  return json(result, { replayed });
});

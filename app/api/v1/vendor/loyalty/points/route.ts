import { earnPoints } from "@/lib/cards/earn-points";
import { cardRefOf, pointsRequestSchema } from "@/lib/cards/schemas";
import { json, vendorRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const POST = vendorRoute({ body: pointsRequestSchema, idempotent: true }, async ({ ctx, body, idempotency }) => {
  const { result, replayed } = await earnPoints(ctx, { ...body, card: cardRefOf(body), idempotency });
  return json(result, { replayed });
});

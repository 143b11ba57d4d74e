import { addStamp } from "@/lib/cards/add-stamp";
import { cardRefOf, stampRequestSchema } from "@/lib/cards/schemas";
import { json, vendorRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const POST = vendorRoute({ body: stampRequestSchema, idempotent: true }, async ({ ctx, body, idempotency }) => {
  const { result, replayed } = await addStamp(ctx, { ...body, card: cardRefOf(body), idempotency });
  return json(result, { replayed });
});

import { findCard } from "@/lib/cards/find-card";
import { cardRefOf, lookupRequestSchema } from "@/lib/cards/schemas";
import { staffClientKey } from "@/lib/cards/staff-client-key";
import { json, vendorRoute } from "@/lib/http/api-route";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limit";

export const dynamic = "force-dynamic";

export const POST = vendorRoute({ body: lookupRequestSchema }, async ({ ctx, body }) => {
  // Per API key (or dashboard client): looking up card after card is how numbers get enumerated.
  await consumeRateLimit("cardLookupByClient", staffClientKey(ctx));
  return json({ card: await findCard(ctx, cardRefOf(body)) });
});

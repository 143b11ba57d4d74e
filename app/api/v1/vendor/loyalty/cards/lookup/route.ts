import { findCard } from "@/lib/cards/find-card";
import { cardRefOf, lookupRequestSchema } from "@/lib/cards/schemas";
import { json, vendorRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const POST = vendorRoute({ body: lookupRequestSchema }, async ({ ctx, body }) =>
  json({ card: await findCard(ctx, cardRefOf(body)) }),
);

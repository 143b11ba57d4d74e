import { enrollCustomer } from "@/lib/cards/enroll-customer";
import { enrollRequestSchema } from "@/lib/cards/schemas";
import { json, vendorRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** 201 with the new card; 200 with the existing one when this email already has a card here. */
export const POST = vendorRoute({ body: enrollRequestSchema }, async ({ ctx, body }) => {
  const { card, created } = await enrollCustomer(ctx, body);
  return json({ card }, { status: created ? 201 : 200 });
});

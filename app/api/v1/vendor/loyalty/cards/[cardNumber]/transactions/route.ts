import { z } from "zod";
import { listCardTransactions } from "@/lib/cards/list-card-transactions";
import { cardNumberSchema } from "@/lib/cards/schemas";
import { json, vendorRoute } from "@/lib/http/api-route";
import { pageQuerySchema } from "@/lib/http/request-schemas";

export const dynamic = "force-dynamic";

export const GET = vendorRoute(
  { params: z.object({ cardNumber: cardNumberSchema }), query: pageQuerySchema },
  async ({ ctx, params, query }) => json(await listCardTransactions(ctx, params.cardNumber, query)),
);

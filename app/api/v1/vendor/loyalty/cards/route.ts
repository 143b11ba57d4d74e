import { listCards } from "@/lib/cards/list-cards";
import { listCardsQuerySchema } from "@/lib/cards/schemas";
import { json, vendorRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = vendorRoute({ query: listCardsQuerySchema }, async ({ ctx, query }) => json(await listCards(ctx, query)));

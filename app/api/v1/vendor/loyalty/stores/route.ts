import { json, vendorRoute } from "@/lib/http/api-route";
import { createStore } from "@/lib/stores/create-store";
import { listStores } from "@/lib/stores/list-stores";
import { createStoreInputSchema } from "@/lib/stores/schemas";

export const dynamic = "force-dynamic";

export const GET = vendorRoute({}, async ({ ctx }) => json({ stores: await listStores(ctx) }));

export const POST = vendorRoute({ body: createStoreInputSchema }, async ({ ctx, body }) =>
  json(await createStore(ctx, body), { status: 201 }),
);

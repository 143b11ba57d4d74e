import { listMerchants } from "@/lib/admin/list-merchants";
import { listMerchantsQuerySchema } from "@/lib/admin/schemas";
import { adminRoute } from "@/lib/http/admin-route";
import { json } from "@/lib/http/api-route";

/** Every merchant's program, newest merchant first, searchable and filterable (platform admins only). */
export const GET = adminRoute({ query: listMerchantsQuerySchema }, async ({ ctx, query }) =>
  json(await listMerchants(ctx, query, { withProgram: true })),
);

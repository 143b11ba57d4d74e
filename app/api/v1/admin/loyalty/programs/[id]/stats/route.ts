import { getAdminProgramStats } from "@/lib/admin/get-admin-program-stats";
import { programIdParamsSchema } from "@/lib/admin/schemas";
import { adminRoute } from "@/lib/http/admin-route";
import { json } from "@/lib/http/api-route";

/** One program's statistics, as its merchant's /stats gives them (platform admins only). */
export const GET = adminRoute({ params: programIdParamsSchema }, async ({ ctx, params }) =>
  json(await getAdminProgramStats(ctx, params.id)),
);

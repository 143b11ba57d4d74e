import { getAdminProgram } from "@/lib/admin/get-admin-program";
import { programIdParamsSchema } from "@/lib/admin/schemas";
import { adminRoute } from "@/lib/http/admin-route";
import { json } from "@/lib/http/api-route";

/** One program with its merchant and stores (platform admins only). */
export const GET = adminRoute({ params: programIdParamsSchema }, async ({ ctx, params }) => json(await getAdminProgram(ctx, params.id)));

import { getPlatformStats } from "@/lib/admin/get-platform-stats";
import { adminRoute } from "@/lib/http/admin-route";
import { json } from "@/lib/http/api-route";

/** The platform's totals (platform admins only). */
export const GET = adminRoute({}, async ({ ctx }) => json((await getPlatformStats(ctx)).stats));

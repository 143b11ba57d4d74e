import { json, vendorRoute } from "@/lib/http/api-route";
import { getProgramStats } from "@/lib/stats/get-program-stats";

export const dynamic = "force-dynamic";

export const GET = vendorRoute({}, async ({ ctx }) => json(await getProgramStats(ctx)));

import { z } from "zod";
import { json, vendorRoute } from "@/lib/http/api-route";
import { idParamSchema } from "@/lib/http/request-schemas";
import { unlockStaffMember } from "@/lib/staff/manage-staff";

export const dynamic = "force-dynamic";

export const POST = vendorRoute({ params: z.object({ id: idParamSchema }) }, async ({ ctx, params: { id } }) =>
  json(await unlockStaffMember(ctx, id)),
);

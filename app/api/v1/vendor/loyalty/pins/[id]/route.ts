import { z } from "zod";
import { json, vendorRoute } from "@/lib/http/api-route";
import { idParamSchema } from "@/lib/http/request-schemas";
import { deactivateStaffMember, updateStaffMember } from "@/lib/staff/manage-staff";
import { updateStaffInputSchema } from "@/lib/staff/schemas";

export const dynamic = "force-dynamic";

const params = z.object({ id: idParamSchema });

export const PATCH = vendorRoute({ params, body: updateStaffInputSchema }, async ({ ctx, params: { id }, body }) =>
  json(await updateStaffMember(ctx, id, body)),
);

/** Deactivates: the PIN stops working at once; past ledger entries keep the name. */
export const DELETE = vendorRoute({ params }, async ({ ctx, params: { id } }) => json(await deactivateStaffMember(ctx, id)));

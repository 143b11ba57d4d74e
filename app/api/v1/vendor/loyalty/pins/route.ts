import { json, vendorRoute } from "@/lib/http/api-route";
import { createStaffMember, listStaff } from "@/lib/staff/manage-staff";
import { createStaffInputSchema } from "@/lib/staff/schemas";

export const dynamic = "force-dynamic";

export const GET = vendorRoute({}, async ({ ctx }) => json({ staff: await listStaff(ctx) }));

export const POST = vendorRoute({ body: createStaffInputSchema }, async ({ ctx, body }) =>
  json(await createStaffMember(ctx, body), { status: 201 }),
);

import { json, vendorRoute } from "@/lib/http/api-route";
import { createProgram } from "@/lib/programs/create-program";
import { getProgram } from "@/lib/programs/get-program";
import { createProgramInputSchema, updateProgramInputSchema } from "@/lib/programs/schemas";
import { updateProgram } from "@/lib/programs/update-program";

export const dynamic = "force-dynamic";

export const GET = vendorRoute({}, async ({ ctx }) => json(await getProgram(ctx)));

export const POST = vendorRoute({ body: createProgramInputSchema }, async ({ ctx, body }) =>
  json(await createProgram(ctx, body), { status: 201 }),
);

export const PATCH = vendorRoute({ body: updateProgramInputSchema }, async ({ ctx, body }) => json(await updateProgram(ctx, body)));

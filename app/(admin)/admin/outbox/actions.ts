"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
import { discardOutboxEvent } from "@/lib/admin/discard-outbox-event";
import { retryOutboxEvent } from "@/lib/admin/retry-outbox-event";
import { outboxEventIdSchema } from "@/lib/admin/schemas";

export const retryOutboxEventAction = adminAction({ schema: outboxEventIdSchema }, async ({ ctx }, input) => {
  await retryOutboxEvent(ctx, input);
  revalidatePath("/admin/outbox");
});

export const discardOutboxEventAction = adminAction({ schema: outboxEventIdSchema }, async ({ ctx }, input) => {
  await discardOutboxEvent(ctx, input);
  revalidatePath("/admin/outbox");
});

"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { counterAction } from "@/lib/actions/counter-action";
import { cardRefOf } from "@/lib/cards/schemas";
import { staffClientKey } from "@/lib/cards/staff-client-key";
import { endStaffSession } from "@/lib/counter/end-staff-session";
import { getCounterCard } from "@/lib/counter/get-counter-card";
import { openStaffSession } from "@/lib/counter/open-staff-session";
import { runCounterOperation } from "@/lib/counter/run-counter-operation";
import { counterOperationInputSchema, findCardInputSchema, searchCardsInputSchema, unlockInputSchema } from "@/lib/counter/schemas";
import { searchCounterCards } from "@/lib/counter/search-counter-cards";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limit";
import { COUNTER_STAFF_COOKIE, staffSessionCookieOptions } from "@/lib/counter/staff-session-credential";

// Card lookups and searches count per tablet: a counter looks up one customer at a time.
export const findCardAction = counterAction({ schema: findCardInputSchema, staffSession: false }, async ({ ctx }, input) => {
  await consumeRateLimit("cardLookupByClient", staffClientKey(ctx));
  return getCounterCard(ctx, cardRefOf(input));
});

export const searchCardsAction = counterAction({ schema: searchCardsInputSchema, staffSession: false }, async ({ ctx }, input) => {
  await consumeRateLimit("cardLookupByClient", staffClientKey(ctx));
  return searchCounterCards(ctx, input.query);
});

/** A correct PIN opens a staff session on this tablet; its credential (rotated at every unlock) goes to a cookie only. */
export const unlockAction = counterAction({ schema: unlockInputSchema, staffSession: false }, async ({ ctx, device }, input) => {
  const opened = await openStaffSession(ctx, device, input);
  const maxAge = Math.floor((new Date(opened.expiresAt).getTime() - ctx.clock.now().getTime()) / 1000);
  (await cookies()).set(COUNTER_STAFF_COOKIE, opened.token, staffSessionCookieOptions(maxAge));
  return { staff: opened.staff, idleSeconds: opened.idleSeconds };
});

export const lockAction = counterAction({ schema: z.object({}).strict(), staffSession: false }, async ({ ctx, device }) => {
  await endStaffSession(device, ctx.clock);
  (await cookies()).delete({ name: COUNTER_STAFF_COOKIE, path: "/counter" });
  return null;
});

export const counterOperationAction = counterAction(
  { schema: counterOperationInputSchema, staffSession: true },
  ({ ctx, device, session }, input) => runCounterOperation(ctx, { storeId: device.storeId, staffMemberId: session!.staff.id }, input),
);

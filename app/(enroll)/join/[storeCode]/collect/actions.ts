"use server";

import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { CounterActionResult } from "@/lib/actions/counter-action";
import { readHeldCards } from "@/lib/auth/held-cards";
import { systemClock } from "@/lib/clock";
import { collectStamp } from "@/lib/counter/collect-stamp";
import { collectStampInputSchema } from "@/lib/counter/schemas";
import { AppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { clientAddress } from "@/lib/http/client-address";

type Collected = { stampCount: number; stampsTarget: number; rewardEarned: boolean; rewardDescription: string | null };

/** The staff member's PIN, typed on the customer's phone, adds a stamp to the card this phone holds. */
export async function collectStampAction(raw: unknown): Promise<CounterActionResult<Collected>> {
  const fail = (error: AppError): CounterActionResult<Collected> => ({
    ok: false,
    code: error.code,
    message: error.code,
    extra: error.details.extra,
  });
  try {
    const parsed = collectStampInputSchema.safeParse(raw);
    if (!parsed.success) return fail(new AppError("VALIDATION_FAILED"));
    const headerList = await headers();
    const ip = clientAddress((name) => headerList.get(name)) ?? "unknown";
    const result = await collectStamp(parsed.data, await readHeldCards(), systemClock, { ip, userAgent: headerList.get("user-agent") });
    return {
      ok: true,
      data: {
        stampCount: result.stampCount,
        stampsTarget: result.stampsTarget,
        rewardEarned: result.rewardEarned,
        rewardDescription: result.rewardDescription,
      },
    };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) return fail(error);
    logger.error("action.unexpected_error", { error });
    return fail(new AppError("INTERNAL_ERROR"));
  }
}

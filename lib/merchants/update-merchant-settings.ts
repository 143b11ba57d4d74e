import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { EVENT_TYPES } from "@/lib/jobs/event-types";
import { forgetCounterContexts } from "@/lib/programs/get-counter-context";
import type { ServiceContext } from "@/lib/service-context";
import type { MerchantSettings, UpdateMerchantSettingsInput } from "./schemas";

type Field = keyof MerchantSettings;
const FIELDS: Field[] = ["name", "timeZone", "defaultLocale"];

export type MerchantSettingsUpdate = { settings: MerchantSettings; changed: Field[] };

/**
 * Saves the merchant's name, time zone and default language (the owner only)
 * and records the values before and after. A new time zone counts days from
 * now on: the counter's cached rules, which carry it, are dropped at once; a
 * new name reaches the wallet passes, which show it.
 */
export async function updateMerchantSettings(ctx: ServiceContext, input: UpdateMerchantSettingsInput): Promise<MerchantSettingsUpdate> {
  if (ctx.actor.type !== "user" || ctx.actor.role !== "owner") throw new AppError("FORBIDDEN", {}, "Only the owner changes the settings.");
  const result = await db.$transaction(async (tx) => {
    // Locked, so the audit's "before" is what this change replaced even when two saves race.
    const [current] = await tx.$queryRaw<MerchantSettings[]>`
      SELECT name, time_zone AS "timeZone", default_locale AS "defaultLocale"
      FROM merchants WHERE id = ${ctx.merchantId}::uuid FOR UPDATE`;
    if (!current) throw new AppError("NOT_FOUND", {}, "No such merchant.");
    const changed = FIELDS.filter((field) => current[field] !== input[field]);
    if (changed.length === 0) return { settings: current, changed };
    await tx.merchant.update({
      where: { id: ctx.merchantId },
      data: { name: input.name, timeZone: input.timeZone, defaultLocale: input.defaultLocale },
    });
    await recordAudit(tx, ctx, {
      action: "merchant.settings_updated",
      targetType: "merchant",
      targetId: ctx.merchantId,
      details: {
        before: Object.fromEntries(changed.map((field) => [field, current[field]])),
        after: Object.fromEntries(changed.map((field) => [field, input[field]])),
      },
    });
    if (changed.includes("name")) {
      const program = await tx.program.findUnique({ where: { merchantId: ctx.merchantId }, select: { id: true } });
      if (program) {
        const now = ctx.clock.now();
        await tx.outboxEvent.create({
          data: {
            id: newId(),
            merchantId: ctx.merchantId,
            type: EVENT_TYPES.walletProgramChanged,
            payload: { programId: program.id },
            coalesceKey: `program:${program.id}`,
            nextAttemptAt: now,
            createdAt: now,
          },
        });
      }
    }
    return { settings: { ...input }, changed };
  });
  if (result.changed.includes("timeZone")) forgetCounterContexts(ctx.merchantId);
  return result;
}

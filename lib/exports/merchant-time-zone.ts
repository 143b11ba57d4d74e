import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";

/** The merchant's IANA time zone: exports show its local times and count its calendar days. */
export async function merchantTimeZone(ctx: ServiceContext): Promise<string> {
  const merchant = await db.merchant.findUnique({ where: { id: ctx.merchantId }, select: { timeZone: true } });
  if (!merchant) throw new AppError("NOT_FOUND", {}, "No such merchant.");
  return merchant.timeZone;
}

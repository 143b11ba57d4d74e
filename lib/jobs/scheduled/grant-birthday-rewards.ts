import "server-only";
import { localDayOf } from "@/lib/domain/local-day";
import { newId } from "@/lib/ids";
import type { JobContext } from "@/lib/jobs/scheduler";
import { applyBalanceChange } from "@/lib/ledger/apply-balance-change";
import { lockCard } from "@/lib/ledger/lock-card";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { birthdayEmail } from "@/lib/notifications/customer-notice-emails";
import { emailRecipientOf, RECIPIENT_CARD_SELECT } from "@/lib/notifications/email-recipient";
import type { ServiceContext } from "@/lib/service-context";

/** Whether a birthday ("YYYY-MM-DD", any year) falls on a local day; 29 February is celebrated on the 28th in other years. */
export function isBirthdayOn(birthday: string, day: string): boolean {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const monthDay = birthday.slice(5);
  if (monthDay === day.slice(5)) return true;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return monthDay === "02-29" && !leap && month === 2 && date === 28;
}

/**
 * loyalty.birthday_rewards for one merchant, daily in its time zone: when the program gives a birthday reward, each
 * card whose customer gave a birthday that falls today is credited the program's birthday stamps (never past the
 * target) and points, as a ledger entry, and the customer is emailed (with consent), all in one transaction per
 * card. A card_notices row per card and year makes it once a year whatever runs again.
 */
export async function grantBirthdayRewards(ctx: JobContext): Promise<Record<string, number>> {
  if (!ctx.merchantId) return { cards: 0 };
  const merchantId = ctx.merchantId;
  const merchant = await ctx.prisma.merchant.findUnique({
    where: { id: merchantId },
    select: {
      timeZone: true,
      status: true,
      program: {
        select: { type: true, stampsTarget: true, birthdayRewardEnabled: true, birthdayRewardStamps: true, birthdayRewardPoints: true },
      },
    },
  });
  const program = merchant?.program;
  if (!merchant || merchant.status !== "active" || !program?.birthdayRewardEnabled) return { cards: 0 };
  const today = localDayOf(ctx.now, merchant.timeZone);
  const monthDays = [today.slice(5), ...(isBirthdayOn("2000-02-29", today) && today.slice(5) === "02-28" ? ["02-29"] : [])];
  const candidates = await ctx.prisma.$queryRaw<{ id: string; cardNumber: string }[]>`
    SELECT c.id, c.card_number AS "cardNumber" FROM cards c JOIN customers cu ON cu.id = c.customer_id
    WHERE c.merchant_id = ${merchantId}::uuid AND cu.birthday IS NOT NULL AND cu.erased_at IS NULL
      AND to_char(cu.birthday, 'MM-DD') = ANY(${monthDays}::text[])`;
  const serviceCtx: ServiceContext = { merchantId, actor: { type: "system" }, clock: { now: () => ctx.now } };
  const year = today.slice(0, 4);
  let cards = 0;
  for (const candidate of candidates) {
    const granted = await ctx.prisma.$transaction(async (tx) => {
      const notice = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO card_notices (id, merchant_id, card_id, kind, cycle, created_at)
        VALUES (${newId()}::uuid, ${merchantId}::uuid, ${candidate.id}::uuid, 'birthday', ${year}, ${ctx.now}::timestamptz)
        ON CONFLICT (card_id, kind, cycle) DO NOTHING RETURNING id`;
      if (notice.length === 0) return false;
      const card = await lockCard(tx, merchantId, { cardNumber: candidate.cardNumber });
      const stamps =
        program.type === "points" ? 0 : Math.max(0, Math.min(program.birthdayRewardStamps, program.stampsTarget - card.stampCount));
      const points = program.type === "stamps" ? 0 : program.birthdayRewardPoints;
      if (stamps === 0 && points === 0) return false;
      await applyBalanceChange(tx, serviceCtx, {
        entryId: newId(),
        card,
        timeZone: merchant.timeZone,
        type: "manual_adjustment",
        stampsDelta: stamps,
        pointsDelta: points,
        lifetime: { stampsEarned: stamps, pointsEarned: points },
        storeId: null,
        staffMemberId: null,
        reason: "Birthday reward",
        rewardEarned: stamps > 0 && card.stampCount + stamps >= program.stampsTarget,
      });
      const recipient = emailRecipientOf(await tx.card.findUniqueOrThrow({ where: { id: card.id }, select: RECIPIENT_CARD_SELECT }));
      if (recipient) await enqueueMail(tx, birthdayEmail(recipient, { stamps, points }), { merchantId, now: ctx.now });
      return true;
    });
    if (granted) cards++;
  }
  return { cards };
}

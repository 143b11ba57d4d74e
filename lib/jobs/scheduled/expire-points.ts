import "server-only";
import { TZDate } from "@date-fns/tz";
import { subMonths } from "date-fns";
import { localDayOf } from "@/lib/domain/local-day";
import type { JobContext } from "@/lib/jobs/scheduler";

const BATCH = 1_000;

/**
 * loyalty.expire_points for one merchant: when its program sets points to expire after N months without activity,
 * every card whose last activity is older than that (in the merchant's calendar) loses its whole points balance,
 * with a `points_expired` ledger row, the card's version bumped, and the wallet and statistics events, all in one
 * statement per batch. Idempotent: a second run finds those cards at zero. Expiry is not activity: the card's last
 * activity stays where it was. A card being stamped at that moment is skipped and expires on the next run.
 */
export async function expirePoints(ctx: JobContext): Promise<Record<string, number>> {
  if (!ctx.merchantId) return { cards: 0, points: 0 };
  const merchant = await ctx.prisma.merchant.findUnique({
    where: { id: ctx.merchantId },
    select: { timeZone: true, program: { select: { pointsExpiryMonths: true } } },
  });
  const months = merchant?.program?.pointsExpiryMonths;
  if (!merchant || !months) return { cards: 0, points: 0 };
  const timeZone = merchant.timeZone;
  const local = new TZDate(ctx.now.getTime(), timeZone);
  const cutoff = new Date(subMonths(local, months).getTime());
  const today = localDayOf(ctx.now, timeZone);

  let cards = 0;
  let points = 0;
  for (;;) {
    const rows = await ctx.prisma.$queryRaw<{ cards: bigint; points: bigint }[]>`
      WITH old AS (
        SELECT id, points_balance, stamp_count, last_activity_at FROM cards
        WHERE merchant_id = ${ctx.merchantId}::uuid AND points_balance > 0 AND COALESCE(last_activity_at, created_at) < ${cutoff}::timestamptz
        ORDER BY id LIMIT ${BATCH}::int FOR UPDATE SKIP LOCKED
      ), changed AS (
        UPDATE cards c SET points_balance = 0, version = c.version + 1, updated_at = ${ctx.now}::timestamptz
        FROM old WHERE c.id = old.id
        RETURNING c.id, c.version, old.points_balance AS expired, old.stamp_count, old.last_activity_at
      ), ledger AS (
        INSERT INTO ledger_entries (id, merchant_id, card_id, type, stamps_delta, points_delta, stamps_after, points_after, reason, created_at)
        SELECT gen_random_uuid(), ${ctx.merchantId}::uuid, id, 'points_expired', 0, -expired, stamp_count, 0,
               ${`No activity for ${months} months`}, ${ctx.now}::timestamptz
        FROM changed
      ), events AS (
        INSERT INTO outbox_events (id, merchant_id, type, payload, coalesce_key, next_attempt_at, created_at, updated_at)
        SELECT gen_random_uuid(), ${ctx.merchantId}::uuid, 'wallet.card_changed', jsonb_build_object('cardId', id::text, 'version', version),
               'card:' || id::text, ${ctx.now}::timestamptz, ${ctx.now}::timestamptz, ${ctx.now}::timestamptz
        FROM changed
        UNION ALL
        SELECT gen_random_uuid(), ${ctx.merchantId}::uuid, 'stats.activity',
               jsonb_build_object('merchantId', ${ctx.merchantId}::text, 'kind', 'points_expired', 'day', ${today}::text,
                 'storeId', NULL, 'staffMemberId', NULL, 'stampsDelta', 0, 'pointsDelta', -expired, 'purchaseCents', NULL,
                 'rewardEarned', false, 'stampsAfter', stamp_count,
                 'previousActivityDay', to_char(last_activity_at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD'),
                 'activityDay', to_char(last_activity_at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')),
               NULL, ${ctx.now}::timestamptz, ${ctx.now}::timestamptz, ${ctx.now}::timestamptz
        FROM changed
      )
      SELECT count(*)::bigint AS cards, COALESCE(sum(expired), 0)::bigint AS points FROM changed`;
    const batch = Number(rows[0]?.cards ?? 0);
    cards += batch;
    points += Number(rows[0]?.points ?? 0);
    if (batch < BATCH) break;
  }
  return { cards, points };
}

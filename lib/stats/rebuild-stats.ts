import "server-only";
import type { Tx } from "@/lib/db/transaction";

/**
 * Recomputes a merchant's summaries from the ledger and the cards, for data
 * written without events (the demo seed) and as the reference the
 * incremental summaries are tested against. Scans the merchant's ledger:
 * a maintenance operation, never on a request path.
 */
export async function rebuildStats(tx: Tx, merchantId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM activity_daily WHERE merchant_id = ${merchantId}::uuid`;
  await tx.$executeRaw`DELETE FROM card_activity_days WHERE merchant_id = ${merchantId}::uuid`;
  await tx.$executeRaw`DELETE FROM card_stamp_counts WHERE merchant_id = ${merchantId}::uuid`;
  await tx.$executeRaw`DELETE FROM points_outstanding WHERE merchant_id = ${merchantId}::uuid`;
  await tx.$executeRaw`
    INSERT INTO card_stamp_counts (merchant_id, stamp_count, cards)
    SELECT ${merchantId}::uuid, stamp_count, count(*)::int FROM cards WHERE merchant_id = ${merchantId}::uuid GROUP BY stamp_count`;
  await tx.$executeRaw`
    INSERT INTO points_outstanding (merchant_id, points)
    SELECT ${merchantId}::uuid, COALESCE(SUM(points_balance), 0)::bigint FROM cards WHERE merchant_id = ${merchantId}::uuid`;
  await tx.$executeRaw`
    WITH tz AS (SELECT time_zone FROM merchants WHERE id = ${merchantId}::uuid),
    target AS (SELECT stamps_target FROM programs WHERE merchant_id = ${merchantId}::uuid),
    entries AS (
      SELECT (l.created_at AT TIME ZONE tz.time_zone)::date AS day, COALESCE(l.store_id::text, '') AS store_key,
             COALESCE(l.staff_member_id::text, '') AS staff_key, l.type, l.stamps_delta, l.points_delta, l.stamps_after,
             l.purchase_cents, (SELECT stamps_target FROM target) AS stamps_target
      FROM ledger_entries l, tz WHERE l.merchant_id = ${merchantId}::uuid
    ),
    enrollments AS (
      SELECT (c.created_at AT TIME ZONE tz.time_zone)::date AS day, COALESCE(c.created_store_id::text, '') AS store_key, '' AS staff_key, count(*)::int AS n
      FROM cards c, tz WHERE c.merchant_id = ${merchantId}::uuid GROUP BY 1, 2
    ),
    counters AS (
      SELECT day, store_key, staff_key,
        COALESCE(SUM(stamps_delta) FILTER (WHERE type = 'stamp_earned'), 0)::int AS stamps_issued,
        COUNT(*) FILTER (WHERE type = 'stamp_earned' AND stamps_after = stamps_target)::int AS stamp_rewards_earned,
        COUNT(*) FILTER (WHERE type = 'stamp_reward_redeemed')::int AS stamp_rewards_redeemed,
        COALESCE(SUM(points_delta) FILTER (WHERE type = 'points_earned'), 0)::int AS points_issued,
        COALESCE(-SUM(points_delta) FILTER (WHERE type = 'points_redeemed'), 0)::int AS points_redeemed,
        COALESCE(-SUM(points_delta) FILTER (WHERE type = 'points_expired'), 0)::int AS points_expired,
        COUNT(*) FILTER (WHERE type = 'points_redeemed')::int AS catalog_rewards_redeemed,
        COUNT(*) FILTER (WHERE type = 'points_earned' AND purchase_cents IS NOT NULL)::int AS purchases,
        COALESCE(SUM(purchase_cents) FILTER (WHERE type = 'points_earned'), 0)::bigint AS purchase_cents,
        0 AS new_members,
        COUNT(*) FILTER (WHERE type = 'manual_adjustment')::int AS adjustments
      FROM entries GROUP BY day, store_key, staff_key
      UNION ALL
      SELECT day, store_key, staff_key, 0, 0, 0, 0, 0, 0, 0, 0, 0, n, 0 FROM enrollments
    )
    INSERT INTO activity_daily (merchant_id, day, store_key, staff_key, stamps_issued, stamp_rewards_earned, stamp_rewards_redeemed,
      points_issued, points_redeemed, points_expired, catalog_rewards_redeemed, purchases, purchase_cents, new_members, adjustments)
    SELECT ${merchantId}::uuid, day, store_key, staff_key, SUM(stamps_issued), SUM(stamp_rewards_earned), SUM(stamp_rewards_redeemed),
      SUM(points_issued), SUM(points_redeemed), SUM(points_expired), SUM(catalog_rewards_redeemed), SUM(purchases), SUM(purchase_cents),
      SUM(new_members), SUM(adjustments)
    FROM counters GROUP BY day, store_key, staff_key`;
  await tx.$executeRaw`
    INSERT INTO card_activity_days (merchant_id, day, cards)
    SELECT ${merchantId}::uuid, (c.last_activity_at AT TIME ZONE m.time_zone)::date, count(*)::int
    FROM cards c JOIN merchants m ON m.id = c.merchant_id
    WHERE c.merchant_id = ${merchantId}::uuid AND c.last_activity_at IS NOT NULL
    GROUP BY 2`;
}

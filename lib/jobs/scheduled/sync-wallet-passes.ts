import "server-only";
import type { JobContext } from "@/lib/jobs/scheduler";

const BATCH = 1_000;

/**
 * loyalty.sync_wallet_passes, hourly: cards whose Apple pass (with a registered device) or Google object shows an
 * older version than the card's (a push or a patch that failed for good, or was never made) get a
 * wallet.card_changed event, coalesced per card like every other; a card that already has one pending is left to
 * it. The wallet handlers record the version they delivered (applePassVersion, googlePassVersion).
 */
export async function syncWalletPasses(ctx: JobContext): Promise<Record<string, number>> {
  let cards = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const [row] = await ctx.prisma.$queryRaw<{ scanned: bigint; queued: bigint; last: string | null }[]>`
      WITH behind AS (
        SELECT c.id, c.merchant_id, c.version FROM cards c
        WHERE c.id > ${after}::uuid
          AND (
            (c.google_object_id IS NOT NULL AND COALESCE(c.google_pass_version, 0) < c.version)
            OR (COALESCE(c.apple_pass_version, 0) < c.version AND EXISTS (SELECT 1 FROM apple_device_registrations a WHERE a.card_id = c.id))
          )
        ORDER BY c.id LIMIT ${BATCH}::int
      ), queued AS (
        INSERT INTO outbox_events (id, merchant_id, type, payload, coalesce_key, next_attempt_at, created_at, updated_at)
        SELECT gen_random_uuid(), b.merchant_id, 'wallet.card_changed', jsonb_build_object('cardId', b.id::text, 'version', b.version),
               'card:' || b.id::text, ${ctx.now}::timestamptz, ${ctx.now}::timestamptz, ${ctx.now}::timestamptz
        FROM behind b
        WHERE NOT EXISTS (
          SELECT 1 FROM outbox_events o WHERE o.coalesce_key = 'card:' || b.id::text AND o.status = 'pending' AND o.type = 'wallet.card_changed')
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM behind)::bigint AS scanned, (SELECT count(*) FROM queued)::bigint AS queued,
             (SELECT id::text FROM behind ORDER BY id DESC LIMIT 1) AS last`;
    cards += Number(row?.queued ?? 0);
    if (!row?.last || Number(row.scanned) < BATCH) break;
    after = row.last;
  }
  return { cards };
}

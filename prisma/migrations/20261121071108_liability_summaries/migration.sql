-- CreateTable
CREATE TABLE "card_stamp_counts" (
    "merchant_id" UUID NOT NULL,
    "stamp_count" INTEGER NOT NULL,
    "cards" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "card_stamp_counts_pkey" PRIMARY KEY ("merchant_id","stamp_count")
);

-- CreateTable
CREATE TABLE "points_outstanding" (
    "merchant_id" UUID NOT NULL,
    "points" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "points_outstanding_pkey" PRIMARY KEY ("merchant_id")
);

-- The stamp fast path's statistics event now also carries the card's stamp
-- count after the stamp, which moves the card between card_stamp_counts rows.
-- Otherwise unchanged from the stamp_card_function migration.
CREATE OR REPLACE FUNCTION "stamp_card"(
  p_merchant_id uuid,
  p_by_number boolean,
  p_card_value text,
  p_target integer,
  p_max_daily_stamps integer,
  p_today date,
  p_cooldown_cutoff timestamptz,
  p_now timestamptz,
  p_time_zone text,
  p_store_id uuid,
  p_staff_member_id uuid,
  p_user_id uuid,
  p_api_key_id uuid,
  p_ip text,
  p_user_agent text,
  p_entry_id uuid,
  p_wallet_event_id uuid,
  p_stats_event_id uuid,
  p_stats_payload jsonb
) RETURNS TABLE (
  outcome text,
  card_id uuid,
  card_number text,
  stamp_count integer,
  points_balance integer,
  last_stamp_at timestamptz,
  stamp_day date,
  stamps_on_day integer,
  last_activity_at timestamptz,
  version integer
)
LANGUAGE plpgsql AS $$
DECLARE
  c cards%ROWTYPE;
  v_stamps_today integer;
  v_version integer;
  v_at timestamptz;
BEGIN
  IF p_by_number THEN
    SELECT * INTO c FROM cards WHERE cards.merchant_id = p_merchant_id AND cards.card_number = p_card_value FOR UPDATE;
  ELSE
    SELECT * INTO c FROM cards WHERE cards.merchant_id = p_merchant_id AND cards.qr_payload = p_card_value FOR UPDATE;
  END IF;
  IF NOT FOUND THEN
    RETURN;
  END IF;

  v_stamps_today := CASE WHEN c.stamp_day = p_today THEN c.stamps_on_day ELSE 0 END;
  IF c.stamp_count >= p_target
     OR v_stamps_today >= p_max_daily_stamps
     OR (p_cooldown_cutoff IS NOT NULL AND c.last_stamp_at IS NOT NULL AND c.last_stamp_at > p_cooldown_cutoff) THEN
    RETURN QUERY SELECT 'refused', c.id, c.card_number, c.stamp_count, c.points_balance, c.last_stamp_at, c.stamp_day,
                        c.stamps_on_day, c.last_activity_at, c.version;
    RETURN;
  END IF;

  v_at := GREATEST(p_now, c.last_activity_at + interval '1 millisecond');

  UPDATE cards SET
    stamp_count = c.stamp_count + 1,
    stamps_earned = cards.stamps_earned + 1,
    last_stamp_at = v_at,
    stamp_day = p_today,
    stamps_on_day = v_stamps_today + 1,
    last_activity_at = v_at,
    version = cards.version + 1,
    updated_at = v_at
  WHERE cards.id = c.id
  RETURNING cards.version INTO v_version;

  INSERT INTO ledger_entries (
    id, merchant_id, card_id, type, stamps_delta, points_delta, stamps_after, points_after,
    store_id, staff_member_id, user_id, api_key_id, ip, user_agent, created_at)
  VALUES (
    p_entry_id, p_merchant_id, c.id, 'stamp_earned', 1, 0, c.stamp_count + 1, c.points_balance,
    p_store_id, p_staff_member_id, p_user_id, p_api_key_id, p_ip, p_user_agent, v_at);

  INSERT INTO outbox_events (id, merchant_id, type, payload, coalesce_key, next_attempt_at, created_at, updated_at)
  VALUES
    (p_wallet_event_id, p_merchant_id, 'wallet.card_changed',
     jsonb_build_object('cardId', c.id::text, 'version', v_version), 'card:' || c.id::text, v_at, v_at, v_at),
    (p_stats_event_id, p_merchant_id, 'stats.activity',
     p_stats_payload || jsonb_build_object(
       'rewardEarned', c.stamp_count + 1 = p_target,
       'stampsAfter', c.stamp_count + 1,
       'previousActivityDay', to_char(c.last_activity_at AT TIME ZONE p_time_zone, 'YYYY-MM-DD')),
     NULL, v_at, v_at, v_at);

  IF p_staff_member_id IS NOT NULL THEN
    UPDATE staff_members SET last_activity_at = v_at WHERE id = p_staff_member_id AND staff_members.merchant_id = p_merchant_id;
  END IF;

  RETURN QUERY SELECT 'applied', c.id, c.card_number, c.stamp_count, c.points_balance, c.last_stamp_at, c.stamp_day,
                      c.stamps_on_day, c.last_activity_at, c.version;
END;
$$;

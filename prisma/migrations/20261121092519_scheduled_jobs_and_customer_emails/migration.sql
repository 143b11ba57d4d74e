-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "CampaignSegment" AS ENUM ('all_consented', 'inactive_30_days', 'reward_available');

-- AlterTable
ALTER TABLE "programs" ADD COLUMN     "birthday_reward_enabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "birthday_reward_points" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "birthday_reward_stamps" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "points_expiry_months" INTEGER;

-- CreateTable
CREATE TABLE "scheduled_job_runs" (
    "id" UUID NOT NULL,
    "job" TEXT NOT NULL,
    "period_key" TEXT NOT NULL,
    "merchant_id" UUID,
    "instance_id" TEXT NOT NULL,
    "status" "JobRunStatus" NOT NULL DEFAULT 'running',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "lease_until" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "summary" JSONB,
    "error" TEXT,

    CONSTRAINT "scheduled_job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "card_notices" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "card_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "cycle" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "card_notices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "segment" "CampaignSegment" NOT NULL,
    "recipients" INTEGER NOT NULL,
    "created_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "scheduled_job_runs_job_started_at_idx" ON "scheduled_job_runs"("job", "started_at");

-- CreateIndex
CREATE INDEX "scheduled_job_runs_started_at_idx" ON "scheduled_job_runs"("started_at");

-- CreateIndex
CREATE UNIQUE INDEX "scheduled_job_runs_job_period_key_key" ON "scheduled_job_runs"("job", "period_key");

-- CreateIndex
CREATE INDEX "card_notices_merchant_id_idx" ON "card_notices"("merchant_id");

-- CreateIndex
CREATE UNIQUE INDEX "card_notices_card_id_kind_cycle_key" ON "card_notices"("card_id", "kind", "cycle");

-- CreateIndex
CREATE INDEX "campaigns_merchant_id_created_at_idx" ON "campaigns"("merchant_id", "created_at");

-- AddForeignKey
ALTER TABLE "card_notices" ADD CONSTRAINT "card_notices_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Customer emails about a card's milestones ("reward available", "one stamp away") are caused by the stamp or
-- the points that reach them, so the event that leads to them is written by the same call, in the same
-- transaction: a 'loyalty.card_milestone' outbox event, only when a milestone is reached (see
-- lib/notifications/handle-card-milestones.ts). Both functions keep their signatures; otherwise unchanged.
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

  -- One stamp from the target, or on it: a milestone the customer may be emailed about, decided by the outbox's
  -- transactional handler (consent, once per reward cycle). Only then is a row added; other stamps write nothing more.
  IF c.stamp_count + 1 >= p_target - 1 THEN
    INSERT INTO outbox_events (id, merchant_id, type, payload, coalesce_key, next_attempt_at, created_at, updated_at)
    VALUES (gen_random_uuid(), p_merchant_id, 'loyalty.card_milestone',
            jsonb_build_object('cardId', c.id::text, 'stampsAfter', c.stamp_count + 1, 'target', p_target,
                               'cycle', c.stamp_rewards_redeemed),
            NULL, v_at, v_at, v_at);
  END IF;

  IF p_staff_member_id IS NOT NULL THEN
    UPDATE staff_members SET last_activity_at = v_at WHERE id = p_staff_member_id AND staff_members.merchant_id = p_merchant_id;
  END IF;

  RETURN QUERY SELECT 'applied', c.id, c.card_number, c.stamp_count, c.points_balance, c.last_stamp_at, c.stamp_day,
                      c.stamps_on_day, c.last_activity_at, c.version;
END;
$$;

CREATE OR REPLACE FUNCTION "apply_balance_change"(
  p_card_id uuid,
  p_expected_version integer,
  p_merchant_id uuid,
  p_entry_id uuid,
  p_type "LedgerEntryType",
  p_stamps_delta integer,
  p_points_delta integer,
  p_stamps_after integer,
  p_points_after integer,
  p_stamps_earned integer,
  p_stamp_rewards_redeemed integer,
  p_points_earned integer,
  p_points_spent integer,
  p_stamped boolean,
  p_stamp_day date,
  p_stamps_on_day integer,
  p_now timestamptz,
  p_store_id uuid,
  p_staff_member_id uuid,
  p_user_id uuid,
  p_api_key_id uuid,
  p_reward_id uuid,
  p_purchase_cents integer,
  p_order_reference text,
  p_reason text,
  p_ip text,
  p_user_agent text,
  p_wallet_event_id uuid,
  p_stats_event_id uuid,
  p_stats_payload jsonb,
  p_idempotency_id uuid,
  p_idempotency_key text,
  p_request_hash text,
  p_response jsonb,
  p_idempotency_expires_at timestamptz
) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  v_version integer;
  v_at timestamptz;
  v_program_id uuid;
  v_cycle integer;
  v_points_spent integer;
  v_target integer;
BEGIN
  UPDATE cards SET
    stamp_count = p_stamps_after,
    points_balance = p_points_after,
    stamps_earned = stamps_earned + p_stamps_earned,
    stamp_rewards_redeemed = stamp_rewards_redeemed + p_stamp_rewards_redeemed,
    points_earned = points_earned + p_points_earned,
    points_spent = points_spent + p_points_spent,
    last_stamp_at = CASE WHEN p_stamped THEN GREATEST(p_now, last_activity_at + interval '1 millisecond') ELSE last_stamp_at END,
    stamp_day = COALESCE(p_stamp_day, stamp_day),
    stamps_on_day = COALESCE(p_stamps_on_day, stamps_on_day),
    last_activity_at = GREATEST(p_now, last_activity_at + interval '1 millisecond'),
    version = version + 1,
    updated_at = p_now
  WHERE id = p_card_id AND merchant_id = p_merchant_id AND version = p_expected_version
  RETURNING version, last_activity_at, program_id, stamp_rewards_redeemed, points_spent
    INTO v_version, v_at, v_program_id, v_cycle, v_points_spent;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;

  INSERT INTO ledger_entries (
    id, merchant_id, card_id, type, stamps_delta, points_delta, stamps_after, points_after,
    store_id, staff_member_id, user_id, api_key_id, reward_id, purchase_cents, order_reference,
    reason, ip, user_agent, idempotency_key, created_at)
  VALUES (
    p_entry_id, p_merchant_id, p_card_id, p_type, p_stamps_delta, p_points_delta, p_stamps_after, p_points_after,
    p_store_id, p_staff_member_id, p_user_id, p_api_key_id, p_reward_id, p_purchase_cents, p_order_reference,
    p_reason, p_ip, p_user_agent, p_idempotency_key, v_at);

  INSERT INTO outbox_events (id, merchant_id, type, payload, coalesce_key, next_attempt_at, created_at, updated_at)
  VALUES
    (p_wallet_event_id, p_merchant_id, 'wallet.card_changed',
     jsonb_build_object('cardId', p_card_id::text, 'version', v_version), 'card:' || p_card_id::text, v_at, v_at, v_at),
    (p_stats_event_id, p_merchant_id, 'stats.activity', p_stats_payload, NULL, v_at, v_at, v_at);

  -- Milestones the customer may be emailed about (see stamp_card): a stamp card one stamp from its target or on it,
  -- or points that just reached a catalog reward's cost. Looked up only when stamps or points were added.
  IF p_stamps_delta > 0 THEN
    SELECT stamps_target INTO v_target FROM programs WHERE id = v_program_id;
    IF p_stamps_after >= v_target - 1 THEN
      INSERT INTO outbox_events (id, merchant_id, type, payload, coalesce_key, next_attempt_at, created_at, updated_at)
      VALUES (gen_random_uuid(), p_merchant_id, 'loyalty.card_milestone',
              jsonb_build_object('cardId', p_card_id::text, 'stampsAfter', p_stamps_after, 'target', v_target, 'cycle', v_cycle),
              NULL, v_at, v_at, v_at);
    END IF;
  END IF;
  IF p_points_delta > 0 AND EXISTS (
    SELECT 1 FROM rewards r WHERE r.program_id = v_program_id AND r.active
      AND r.points_cost > p_points_after - p_points_delta AND r.points_cost <= p_points_after) THEN
    INSERT INTO outbox_events (id, merchant_id, type, payload, coalesce_key, next_attempt_at, created_at, updated_at)
    VALUES (gen_random_uuid(), p_merchant_id, 'loyalty.card_milestone',
            jsonb_build_object('cardId', p_card_id::text, 'pointsBefore', p_points_after - p_points_delta, 'pointsAfter', p_points_after,
                               'cycle', v_points_spent),
            NULL, v_at, v_at, v_at);
  END IF;

  IF p_staff_member_id IS NOT NULL THEN
    UPDATE staff_members SET last_activity_at = v_at WHERE id = p_staff_member_id AND merchant_id = p_merchant_id;
  END IF;

  IF p_idempotency_key IS NOT NULL THEN
    INSERT INTO idempotency_records (id, merchant_id, key, request_hash, response_status, response_body, created_at, expires_at)
    VALUES (p_idempotency_id, p_merchant_id, p_idempotency_key, p_request_hash, 200, p_response, v_at, p_idempotency_expires_at);
  END IF;

  RETURN v_version;
END;
$$;

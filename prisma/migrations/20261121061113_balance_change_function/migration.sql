-- Writes one balance change (decided by lib/domain, see lib/ledger/apply-balance-change.ts)
-- in one call: the card's new balances and version, the immutable ledger row,
-- the outbox events for the wallets and the statistics, the staff member's
-- last activity and the idempotency record.
--
-- A function and not one big statement because PL/pgSQL keeps its statements'
-- plans for the connection's life: planning a five-part statement on every
-- stamp cost more than running it. It holds no business rule: the card is
-- updated only if its version is still the one the decision was made on
-- (compare-and-swap), and every other write happens only then. Returns the
-- card's new version, or NULL when another change got there first. The change
-- is dated at least 1 ms after the card's last activity, so the ledger's time
-- order is the order changes were applied in even between instances whose
-- clocks differ slightly.
CREATE FUNCTION "apply_balance_change"(
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
  RETURNING version, last_activity_at INTO v_version, v_at;
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

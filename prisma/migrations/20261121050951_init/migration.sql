-- CreateEnum
CREATE TYPE "MerchantStatus" AS ENUM ('active', 'suspended');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('owner', 'manager', 'admin');

-- CreateEnum
CREATE TYPE "ProgramType" AS ENUM ('stamps', 'points', 'hybrid');

-- CreateEnum
CREATE TYPE "LedgerEntryType" AS ENUM ('stamp_earned', 'stamp_reward_redeemed', 'points_earned', 'points_redeemed', 'points_expired', 'manual_adjustment');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'delivered', 'dead', 'discarded');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('user', 'admin', 'api_key', 'staff', 'system');

-- CreateTable
CREATE TABLE "merchants" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Luxembourg',
    "default_locale" TEXT NOT NULL DEFAULT 'en',
    "status" "MerchantStatus" NOT NULL DEFAULT 'active',
    "suspended_at" TIMESTAMPTZ(3),
    "suspended_reason" TEXT,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "merchants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "merchant_id" UUID,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stores" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "address" TEXT,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programs" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "type" "ProgramType" NOT NULL,
    "card_name" TEXT NOT NULL,
    "stamps_target" INTEGER NOT NULL DEFAULT 10,
    "stamps_reward_description" TEXT,
    "points_per_euro" INTEGER NOT NULL DEFAULT 1,
    "max_purchase_cents" INTEGER NOT NULL DEFAULT 100000,
    "cooldown_minutes" INTEGER NOT NULL DEFAULT 15,
    "max_daily_stamps" INTEGER NOT NULL DEFAULT 5,
    "require_staff_pin" BOOLEAN NOT NULL DEFAULT true,
    "background_color" TEXT NOT NULL DEFAULT '#3b2314',
    "foreground_color" TEXT NOT NULL DEFAULT '#ffffff',
    "label_color" TEXT NOT NULL DEFAULT '#f5d9b8',
    "logo" BYTEA,
    "logo_mime_type" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "programs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rewards" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "program_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "points_cost" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rewards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customers" (
    "id" UUID NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "birthday" DATE,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "email_consent" BOOLEAN NOT NULL DEFAULT false,
    "email_consent_at" TIMESTAMPTZ(3),
    "email_consent_version" TEXT,
    "erased_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cards" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "program_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "created_store_id" UUID,
    "card_number" TEXT NOT NULL,
    "qr_payload" TEXT NOT NULL,
    "page_token" TEXT NOT NULL,
    "stamp_count" INTEGER NOT NULL DEFAULT 0,
    "points_balance" INTEGER NOT NULL DEFAULT 0,
    "stamps_earned" INTEGER NOT NULL DEFAULT 0,
    "stamp_rewards_redeemed" INTEGER NOT NULL DEFAULT 0,
    "points_earned" INTEGER NOT NULL DEFAULT 0,
    "points_spent" INTEGER NOT NULL DEFAULT 0,
    "last_stamp_at" TIMESTAMPTZ(3),
    "stamp_day" DATE,
    "stamps_on_day" INTEGER NOT NULL DEFAULT 0,
    "last_activity_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "apple_serial" TEXT NOT NULL,
    "apple_auth_token" TEXT NOT NULL,
    "apple_pass_version" INTEGER,
    "google_object_id" TEXT,
    "google_pass_version" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_entries" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "card_id" UUID NOT NULL,
    "type" "LedgerEntryType" NOT NULL,
    "stamps_delta" INTEGER NOT NULL DEFAULT 0,
    "points_delta" INTEGER NOT NULL DEFAULT 0,
    "stamps_after" INTEGER NOT NULL,
    "points_after" INTEGER NOT NULL,
    "store_id" UUID,
    "staff_member_id" UUID,
    "user_id" UUID,
    "api_key_id" UUID,
    "reward_id" UUID,
    "purchase_cents" INTEGER,
    "order_reference" TEXT,
    "reason" TEXT,
    "ip" TEXT,
    "user_agent" TEXT,
    "idempotency_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_members" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "pin_hash" TEXT NOT NULL,
    "pin_lookup" TEXT,
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "last_activity_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_stores" (
    "staff_member_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,

    CONSTRAINT "staff_stores_pkey" PRIMARY KEY ("staff_member_id","store_id")
);

-- CreateTable
CREATE TABLE "pin_lockouts" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "client_key" TEXT NOT NULL,
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pin_lockouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "created_by_user_id" UUID,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "counter_devices" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "credential_hash" TEXT NOT NULL,
    "paired_by_user_id" UUID,
    "last_seen_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "counter_devices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "apple_device_registrations" (
    "id" UUID NOT NULL,
    "device_library_identifier" TEXT NOT NULL,
    "pass_type_identifier" TEXT NOT NULL,
    "serial_number" TEXT NOT NULL,
    "push_token" TEXT NOT NULL,
    "card_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "apple_device_registrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL,
    "merchant_id" UUID,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "coalesce_key" TEXT,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "locked_by" TEXT,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_records" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response_status" INTEGER NOT NULL,
    "response_body" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" UUID NOT NULL,
    "merchant_id" UUID,
    "actor_type" "ActorType" NOT NULL,
    "actor_id" UUID,
    "user_id" UUID,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "details" JSONB,
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_merchant_id_idx" ON "users"("merchant_id");

-- CreateIndex
CREATE UNIQUE INDEX "stores_code_key" ON "stores"("code");

-- CreateIndex
CREATE INDEX "stores_merchant_id_created_at_idx" ON "stores"("merchant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "programs_merchant_id_key" ON "programs"("merchant_id");

-- CreateIndex
CREATE INDEX "rewards_program_id_active_idx" ON "rewards"("program_id", "active");

-- CreateIndex
CREATE INDEX "rewards_merchant_id_idx" ON "rewards"("merchant_id");

-- CreateIndex
CREATE INDEX "customers_email_idx" ON "customers"("email");

-- CreateIndex
CREATE INDEX "customers_phone_idx" ON "customers"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "cards_card_number_key" ON "cards"("card_number");

-- CreateIndex
CREATE UNIQUE INDEX "cards_qr_payload_key" ON "cards"("qr_payload");

-- CreateIndex
CREATE UNIQUE INDEX "cards_page_token_key" ON "cards"("page_token");

-- CreateIndex
CREATE UNIQUE INDEX "cards_apple_serial_key" ON "cards"("apple_serial");

-- CreateIndex
CREATE UNIQUE INDEX "cards_google_object_id_key" ON "cards"("google_object_id");

-- CreateIndex
CREATE INDEX "cards_merchant_id_created_at_idx" ON "cards"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "cards_merchant_id_last_activity_at_idx" ON "cards"("merchant_id", "last_activity_at");

-- CreateIndex
CREATE INDEX "cards_customer_id_idx" ON "cards"("customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "cards_merchant_id_customer_id_key" ON "cards"("merchant_id", "customer_id");

-- CreateIndex
CREATE INDEX "ledger_entries_card_id_created_at_idx" ON "ledger_entries"("card_id", "created_at");

-- CreateIndex
CREATE INDEX "ledger_entries_merchant_id_created_at_idx" ON "ledger_entries"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "ledger_entries_merchant_id_store_id_created_at_idx" ON "ledger_entries"("merchant_id", "store_id", "created_at");

-- CreateIndex
CREATE INDEX "ledger_entries_merchant_id_staff_member_id_created_at_idx" ON "ledger_entries"("merchant_id", "staff_member_id", "created_at");

-- CreateIndex
CREATE INDEX "staff_members_merchant_id_active_idx" ON "staff_members"("merchant_id", "active");

-- CreateIndex
CREATE UNIQUE INDEX "staff_members_merchant_id_pin_lookup_key" ON "staff_members"("merchant_id", "pin_lookup");

-- CreateIndex
CREATE INDEX "staff_stores_store_id_idx" ON "staff_stores"("store_id");

-- CreateIndex
CREATE INDEX "pin_lockouts_merchant_id_idx" ON "pin_lockouts"("merchant_id");

-- CreateIndex
CREATE UNIQUE INDEX "pin_lockouts_store_id_client_key_key" ON "pin_lockouts"("store_id", "client_key");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_keys_merchant_id_idx" ON "api_keys"("merchant_id");

-- CreateIndex
CREATE UNIQUE INDEX "counter_devices_credential_hash_key" ON "counter_devices"("credential_hash");

-- CreateIndex
CREATE INDEX "counter_devices_merchant_id_idx" ON "counter_devices"("merchant_id");

-- CreateIndex
CREATE INDEX "counter_devices_store_id_idx" ON "counter_devices"("store_id");

-- CreateIndex
CREATE INDEX "apple_device_registrations_device_library_identifier_pass_t_idx" ON "apple_device_registrations"("device_library_identifier", "pass_type_identifier");

-- CreateIndex
CREATE INDEX "apple_device_registrations_serial_number_idx" ON "apple_device_registrations"("serial_number");

-- CreateIndex
CREATE UNIQUE INDEX "apple_device_registrations_device_library_identifier_pass_t_key" ON "apple_device_registrations"("device_library_identifier", "pass_type_identifier", "serial_number");

-- CreateIndex
CREATE INDEX "outbox_events_status_next_attempt_at_idx" ON "outbox_events"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_events_coalesce_key_status_idx" ON "outbox_events"("coalesce_key", "status");

-- CreateIndex
CREATE INDEX "outbox_events_merchant_id_created_at_idx" ON "outbox_events"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "idempotency_records_expires_at_idx" ON "idempotency_records"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "idempotency_records_merchant_id_key_key" ON "idempotency_records"("merchant_id", "key");

-- CreateIndex
CREATE INDEX "audit_logs_merchant_id_created_at_idx" ON "audit_logs"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_logs_created_at_idx" ON "audit_logs"("created_at");

-- CreateIndex
CREATE INDEX "audit_logs_action_created_at_idx" ON "audit_logs"("action", "created_at");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stores" ADD CONSTRAINT "stores_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programs" ADD CONSTRAINT "programs_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cards" ADD CONSTRAINT "cards_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cards" ADD CONSTRAINT "cards_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cards" ADD CONSTRAINT "cards_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cards" ADD CONSTRAINT "cards_created_store_id_fkey" FOREIGN KEY ("created_store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_staff_member_id_fkey" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_api_key_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_reward_id_fkey" FOREIGN KEY ("reward_id") REFERENCES "rewards"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_stores" ADD CONSTRAINT "staff_stores_staff_member_id_fkey" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_stores" ADD CONSTRAINT "staff_stores_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pin_lockouts" ADD CONSTRAINT "pin_lockouts_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pin_lockouts" ADD CONSTRAINT "pin_lockouts_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_user_id_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "counter_devices" ADD CONSTRAINT "counter_devices_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "counter_devices" ADD CONSTRAINT "counter_devices_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "counter_devices" ADD CONSTRAINT "counter_devices_paired_by_user_id_fkey" FOREIGN KEY ("paired_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "apple_device_registrations" ADD CONSTRAINT "apple_device_registrations_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_events" ADD CONSTRAINT "outbox_events_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotency_records" ADD CONSTRAINT "idempotency_records_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "programs" ADD COLUMN     "staff_session_idle_minutes" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "staff_session_max_hours" INTEGER NOT NULL DEFAULT 12;

-- CreateTable
CREATE TABLE "counter_staff_sessions" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "device_id" UUID NOT NULL,
    "staff_member_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "last_used_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "counter_staff_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "counter_staff_sessions_token_hash_key" ON "counter_staff_sessions"("token_hash");

-- CreateIndex
CREATE INDEX "counter_staff_sessions_device_id_revoked_at_idx" ON "counter_staff_sessions"("device_id", "revoked_at");

-- AddForeignKey
ALTER TABLE "counter_staff_sessions" ADD CONSTRAINT "counter_staff_sessions_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "counter_staff_sessions" ADD CONSTRAINT "counter_staff_sessions_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "counter_devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "counter_staff_sessions" ADD CONSTRAINT "counter_staff_sessions_staff_member_id_fkey" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

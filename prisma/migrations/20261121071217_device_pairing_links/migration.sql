-- CreateTable
CREATE TABLE "device_pairing_links" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_by_user_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "device_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "device_pairing_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "device_pairing_links_token_hash_key" ON "device_pairing_links"("token_hash");

-- CreateIndex
CREATE INDEX "device_pairing_links_store_id_idx" ON "device_pairing_links"("store_id");

-- CreateIndex
CREATE INDEX "device_pairing_links_merchant_id_idx" ON "device_pairing_links"("merchant_id");

-- AddForeignKey
ALTER TABLE "device_pairing_links" ADD CONSTRAINT "device_pairing_links_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "device_pairing_links" ADD CONSTRAINT "device_pairing_links_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "device_pairing_links" ADD CONSTRAINT "device_pairing_links_created_by_user_id_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "device_pairing_links" ADD CONSTRAINT "device_pairing_links_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "counter_devices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "card_recovery_codes" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "card_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "card_recovery_codes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "card_recovery_codes_card_id_created_at_idx" ON "card_recovery_codes"("card_id", "created_at");

-- AddForeignKey
ALTER TABLE "card_recovery_codes" ADD CONSTRAINT "card_recovery_codes_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "activity_daily" (
    "merchant_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "store_key" TEXT NOT NULL,
    "staff_key" TEXT NOT NULL,
    "stamps_issued" INTEGER NOT NULL DEFAULT 0,
    "stamp_rewards_earned" INTEGER NOT NULL DEFAULT 0,
    "stamp_rewards_redeemed" INTEGER NOT NULL DEFAULT 0,
    "points_issued" INTEGER NOT NULL DEFAULT 0,
    "points_redeemed" INTEGER NOT NULL DEFAULT 0,
    "points_expired" INTEGER NOT NULL DEFAULT 0,
    "catalog_rewards_redeemed" INTEGER NOT NULL DEFAULT 0,
    "purchases" INTEGER NOT NULL DEFAULT 0,
    "purchase_cents" BIGINT NOT NULL DEFAULT 0,
    "new_members" INTEGER NOT NULL DEFAULT 0,
    "adjustments" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "activity_daily_pkey" PRIMARY KEY ("merchant_id","day","store_key","staff_key")
);

-- CreateTable
CREATE TABLE "card_activity_days" (
    "merchant_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "cards" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "card_activity_days_pkey" PRIMARY KEY ("merchant_id","day")
);

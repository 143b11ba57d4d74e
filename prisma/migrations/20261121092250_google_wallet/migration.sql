-- AlterTable
ALTER TABLE "cards" ADD COLUMN     "google_notified_at" TIMESTAMPTZ(3)[] DEFAULT ARRAY[]::TIMESTAMPTZ(3)[],
ADD COLUMN     "google_reward_shown" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "programs" ADD COLUMN     "google_class_id" TEXT,
ADD COLUMN     "google_class_review_status" TEXT,
ADD COLUMN     "google_class_synced_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE UNIQUE INDEX "programs_google_class_id_key" ON "programs"("google_class_id");

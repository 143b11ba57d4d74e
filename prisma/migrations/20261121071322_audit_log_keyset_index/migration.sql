-- DropIndex
DROP INDEX "audit_logs_merchant_id_created_at_idx";

-- CreateIndex
CREATE INDEX "audit_logs_merchant_id_created_at_id_idx" ON "audit_logs"("merchant_id", "created_at", "id");

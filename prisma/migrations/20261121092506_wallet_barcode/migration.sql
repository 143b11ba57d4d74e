-- CreateEnum
CREATE TYPE "WalletBarcode" AS ENUM ('qr', 'code128');

-- AlterTable
ALTER TABLE "programs" ADD COLUMN     "wallet_barcode" "WalletBarcode" NOT NULL DEFAULT 'qr';

import { requireMerchantUser } from "@/lib/auth/session";
import { localDayOf } from "@/lib/domain/local-day";
import { exportCustomersCsv } from "@/lib/exports/customers-csv";
import { exportFileName } from "@/lib/exports/export-file-name";

/** All of the merchant's customers with their consent, streamed as CSV (memory stays flat whatever the count). */
export async function GET() {
  const { ctx, merchant } = await requireMerchantUser();
  const today = localDayOf(ctx.clock.now(), merchant.timeZone);
  return new Response(exportCustomersCsv(ctx), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName("customers", merchant.name, [today])}"`,
      "Cache-Control": "no-store",
    },
  });
}

import { requireMerchantUser } from "@/lib/auth/session";
import { exportFileName } from "@/lib/exports/export-file-name";
import { transactionsExportRangeSchema } from "@/lib/exports/schemas";
import { exportTransactionsCsv } from "@/lib/exports/transactions-csv";
import { problemFromAppError } from "@/lib/http/problem";
import { validationError } from "@/lib/http/zod-problem";

/** The ledger entries of a range of merchant-local days, streamed as CSV; a bad range is a 422 naming the field. */
export async function GET(request: Request) {
  const { ctx, merchant } = await requireMerchantUser();
  const params = new URL(request.url).searchParams;
  const parsed = transactionsExportRangeSchema.safeParse({ from: params.get("from") ?? undefined, to: params.get("to") ?? undefined });
  if (!parsed.success) return problemFromAppError(validationError(parsed.error, "query"));
  return new Response(exportTransactionsCsv(ctx, parsed.data), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName("transactions", merchant.name, [parsed.data.from, parsed.data.to])}"`,
      "Cache-Control": "no-store",
    },
  });
}

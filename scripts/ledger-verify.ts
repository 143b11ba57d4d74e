// npm run ledger:verify: recomputes every card's balances from the ledger;
// prints each mismatch and exits 1 if there is any.
import { getConfig } from "@/lib/config";
import { openDatabase } from "@/lib/db/open-database";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { runCli } from "./cli";

runCli(async () => {
  const database = openDatabase(getConfig().database, "npm run ledger:verify");
  try {
    const { cards, entries, mismatches } = await verifyLedger(database.prisma);
    for (const mismatch of mismatches) {
      console.log(`MISMATCH card ${mismatch.cardNumber} (merchant ${mismatch.merchantId}) [${mismatch.problem}]: ${mismatch.detail}`);
    }
    console.log(
      mismatches.length === 0
        ? `Ledger verified: ${cards} cards, ${entries} entries, every balance equals the sum of its ledger.`
        : `Ledger verification FAILED: ${mismatches.length} mismatch(es) over ${cards} cards and ${entries} entries.`,
    );
    if (mismatches.length > 0) process.exitCode = 1;
  } finally {
    await database.close();
  }
});

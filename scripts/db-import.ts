// npm run db:import -- <file.json>: loads a db:export file into the configured database, which must be
// migrated (npm run db:migrate) and empty. Then `npm run ledger:verify` checks every balance.
import fs from "node:fs";
import { getConfig } from "@/lib/config";
import { openDatabase } from "@/lib/db/open-database";
import { importData, type PortableData } from "@/lib/db/portable-data";
import { runCli } from "./cli";

runCli(async () => {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  if (!file) throw new Error("Name the export file: npm run db:import -- loyalty-data.json");
  const database = openDatabase(getConfig().database, "npm run db:import");
  try {
    const { tables, rows } = await importData(database, JSON.parse(fs.readFileSync(file, "utf8")) as PortableData);
    console.log(`Imported ${rows} rows of ${tables} tables into the ${database.kind} database.`);
  } finally {
    await database.close();
  }
});

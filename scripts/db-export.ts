// npm run db:export -- <file.json>: every row of the configured database as JSON (lib/db/portable-data.ts),
// to move an embedded database to PostgreSQL: stop the app, export, then on the new database
// `DATABASE_URL=… npm run db:migrate` and `DATABASE_URL=… npm run db:import -- <file.json>`.
import fs from "node:fs";
import { getConfig } from "@/lib/config";
import { openDatabase } from "@/lib/db/open-database";
import { exportData } from "@/lib/db/portable-data";
import { runCli } from "./cli";

runCli(async () => {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  if (!file) throw new Error("Name the export file: npm run db:export -- loyalty-data.json");
  const database = openDatabase(getConfig().database, "npm run db:export");
  try {
    const data = await exportData(database);
    fs.writeFileSync(file, JSON.stringify(data));
    const rows = data.tables.reduce((sum, table) => sum + table.rows.length, 0);
    console.log(`Exported ${rows} rows of ${data.tables.length} tables from the ${database.kind} database to ${file}.`);
  } finally {
    await database.close();
  }
});

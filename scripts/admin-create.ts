// npm run admin:create -- --email <email> --password <password> [--name <name>]:
// creates a platform admin (the admin console at /admin), applying pending migrations first.
// Exits 1 with a plain message for a bad email, a short password or an email already in use.
import { createPlatformAdmin } from "@/lib/admin/create-platform-admin";
import { createPlatformAdminSchema } from "@/lib/admin/schemas";
import { getConfig } from "@/lib/config";
import { setDatabase } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openDatabase } from "@/lib/db/open-database";
import { isAppError } from "@/lib/errors";
import en from "@/messages/en.json";
import { argValue, runCli } from "./cli";

const USAGE = "Usage: npm run admin:create -- --email <email> --password <password> [--name <name>]";

runCli(async () => {
  const args = process.argv.slice(2);
  // English messages by key (next-intl's translator needs React, which this script runs without).
  const t = (key: string) => (en.validation as Record<string, string>)[key.replace(/^validation\./, "")] ?? key;
  const input = { email: argValue(args, "email"), password: argValue(args, "password"), name: argValue(args, "name") };
  if (!input.email || !input.password) {
    console.error(USAGE);
    process.exitCode = 1;
    return;
  }
  const parsed = createPlatformAdminSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const message = issue.message.startsWith("validation.") ? t(issue.message) : issue.message;
      console.error(`${issue.path.join(".") || "input"}: ${message}`);
    }
    process.exitCode = 1;
    return;
  }
  const config = getConfig();
  const database = openDatabase(config.database, "npm run admin:create");
  setDatabase(database);
  try {
    await applyMigrations(database);
    const admin = await createPlatformAdmin(parsed.data);
    console.log(
      `Created the platform admin ${admin.email}. Log in at ${config.publicUrl}/login; the console is ${config.publicUrl}/admin.`,
    );
  } catch (error) {
    if (!isAppError(error)) throw error;
    const fields = Object.entries(error.details.fieldErrors ?? {});
    console.error(fields.length ? fields.map(([field, keys]) => `${field}: ${keys.map(t).join(" ")}`).join("\n") : error.message);
    process.exitCode = 1;
  } finally {
    setDatabase(undefined);
    await database.close();
  }
});

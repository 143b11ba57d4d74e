import "server-only";
import { getDatabase, type DatabaseKind } from "@/lib/db";

export type DatabaseHealth = { ok: true; database: DatabaseKind } | { ok: false; database: DatabaseKind | "unknown"; reason: string };

const TIMEOUT_MS = 3_000;

/** Whether the database answers a trivial query within a few seconds. Never throws. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  let kind: DatabaseKind | "unknown" = "unknown";
  try {
    const database = getDatabase();
    kind = database.kind;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    try {
      await Promise.race([database.prisma.$queryRawUnsafe("SELECT 1"), timeout]);
    } finally {
      clearTimeout(timer);
    }
    return { ok: true, database: database.kind };
  } catch (error) {
    return { ok: false, database: kind, reason: error instanceof Error ? error.message : String(error) };
  }
}

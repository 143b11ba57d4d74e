import type { Pool } from "pg";
import { logger } from "@/lib/logger";

/**
 * Keeps a lost connection from crashing the process. node-postgres emits
 * "error" on a pool when one of its idle connections dies (the server
 * restarted, or terminated it), and on a connection being closed when the
 * server ends it first (a database dropped WITH (FORCE) while the pool shuts
 * down): without a listener either one is an uncaught exception. The pool
 * replaces a lost idle connection on its own; a closing one is gone anyway.
 */
export function guardPool(pool: Pool, name: string): Pool {
  pool.on("error", (error) =>
    logger.warn("db.idle_connection_lost", { pool: name, code: (error as { code?: string }).code, message: error.message }),
  );
  pool.on("remove", (client) => {
    client.on("error", () => {});
  });
  return pool;
}

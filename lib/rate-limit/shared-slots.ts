import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { getDatabase } from "@/lib/db";

export type SharedSlots = {
  /** Resolves when this caller may send: at least the spacing after the last caller of any instance. */
  take(): Promise<void>;
};

/** The database's clock in milliseconds since 1970: every instance reads the same one. */
const NOW_MS = "(extract(epoch FROM now()) * 1000)::bigint";

/**
 * Turns of `key`, at least `spacingMs` apart, shared by every app instance
 * through the database: the last turn given is one row of rate_limits (its
 * `expire` is when the next may start, on the database's clock, so instances
 * whose clocks differ still keep the spacing). A turn is granted only at the
 * moment its caller is ready to send, never booked ahead, so a caller that
 * wakes late cannot squeeze the next one closer. Within one instance callers
 * wait their turn in the order they asked (one of them asks the database at a
 * time); between instances, the first to ask once a turn is free gets it.
 * The cleanup job may delete the row once its time has passed; it is then
 * written again.
 */
export function sharedSlots(key: string, spacingMs: number): SharedSlots {
  let queue: Promise<unknown> = Promise.resolve();

  async function grant(): Promise<void> {
    const database = getDatabase();
    for (;;) {
      const granted = await database.query(
        `UPDATE rate_limits SET expire = ${NOW_MS} + $2::bigint
         WHERE key = $1 AND (expire IS NULL OR expire <= ${NOW_MS}) RETURNING 1`,
        [key, spacingMs],
      );
      if (granted.rows.length > 0) return;
      const { rows } = await database.query<{ wait_ms: string | number }>(
        `SELECT expire - ${NOW_MS} AS wait_ms FROM rate_limits WHERE key = $1`,
        [key],
      );
      if (rows.length === 0) {
        await database.query(`INSERT INTO rate_limits (key, points, expire) VALUES ($1, 0, 0) ON CONFLICT (key) DO NOTHING`, [key]);
        continue;
      }
      await sleep(Math.max(1, Number(rows[0]!.wait_ms)));
    }
  }

  return {
    take() {
      const turn = queue.then(grant);
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { databaseKind, useTestDatabase } from "@/test/db";
import { sharedSlots } from "./shared-slots";

/** Far longer than a test may run: a turn that had to wait for such a spacing would time the test out. */
const LONG_MS = 60_000;

describe(`turns shared through ${databaseKind()}`, () => {
  const database = useTestDatabase();

  it("two instances asking at once get turns one spacing apart between them", async () => {
    const key = `test:${newId()}`;
    const rate = 40;
    const spacingMs = Math.ceil(1000 / rate) + 1;
    // Two SharedSlots stand for two app instances: they share nothing but the database.
    const instances = [sharedSlots(key, spacingMs), sharedSlots(key, spacingMs)];
    const started = Date.now();
    const times = (
      await Promise.all(
        instances.flatMap((instance) =>
          Array.from({ length: 40 }, async () => {
            await instance.take();
            return Date.now();
          }),
        ),
      )
    ).sort((a, b) => a - b);
    // 80 turns need 79 spacings at least, whatever the load (timers never fire early; 1 ms for rounding).
    expect(Date.now() - started).toBeGreaterThanOrEqual(79 * spacingMs - 1);
    // Wherever a one-second window starts, it holds at most `rate` turns.
    let busiest = 0;
    for (let start = 0, end = 0; start < times.length; start++) {
      while (end < times.length && times[end]! < times[start]! + 1000) end++;
      busiest = Math.max(busiest, end - start);
    }
    expect(busiest).toBeLessThanOrEqual(rate);
  });

  it("gives the first turn at once, keeps each key apart, and takes over a turn long past", { timeout: 10_000 }, async () => {
    await sharedSlots(`test:${newId()}`, LONG_MS).take();
    await sharedSlots(`test:${newId()}`, LONG_MS).take();
    const key = `test:${newId()}`;
    await database().prisma.rateLimit.create({ data: { key, points: 0, expire: BigInt(Date.now() - 1_000) } });
    await sharedSlots(key, LONG_MS).take();
    const row = await database().prisma.rateLimit.findUniqueOrThrow({ where: { key } });
    // The next turn is one spacing after this one, not after the old one.
    expect(Number(row.expire) - Date.now()).toBeGreaterThan(LONG_MS - 5_000);
  });

  it("writes the row again when the cleanup job has deleted it", async () => {
    const key = `test:${newId()}`;
    const slots = sharedSlots(key, 20);
    await slots.take();
    await database().prisma.rateLimit.delete({ where: { key } });
    await slots.take();
    await slots.take();
    expect(await database().prisma.rateLimit.count({ where: { key } })).toBe(1);
  });
});

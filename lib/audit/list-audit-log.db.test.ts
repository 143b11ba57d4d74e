import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/generated/client";
import { newId } from "@/lib/ids";
import { fixedClock } from "@/test/clock";
import { databaseKind, useTestDatabase } from "@/test/db";
import { createMerchantSetup, ownerContext } from "@/test/factories";
import { listAuditFilters } from "./list-audit-filters";
import { listAuditLog } from "./list-audit-log";
import { auditLogQuerySchema } from "./schemas";

describe(`the audit log on ${databaseKind()}`, () => {
  const database = useTestDatabase();
  const clock = fixedClock("2026-03-01T10:00:00Z");

  async function entries(
    prisma: PrismaClient,
    merchantId: string,
    rows: { action: string; at: Date; actorType?: "user" | "api_key" | "system"; actorId?: string }[],
  ) {
    const data = rows.map((row) => ({
      id: newId(),
      merchantId,
      action: row.action,
      actorType: row.actorType ?? ("system" as const),
      actorId: row.actorId ?? null,
      userId: row.actorType === "user" ? (row.actorId ?? null) : null,
      createdAt: row.at,
    }));
    await prisma.auditLog.createMany({ data });
    return data;
  }

  async function everyPage(ctx: Parameters<typeof listAuditLog>[0], query: Parameters<typeof listAuditLog>[1], limit: number) {
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditLog(ctx, { ...query, cursor }, limit);
      ids.push(...page.entries.map((entry) => entry.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    return { ids, pages };
  }

  it("pages newest first through every entry exactly once, ties on the same instant included", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id, clock);
    const base = clock.now().getTime();
    // 120 entries on 40 instants: three share each millisecond, so the id breaks ties.
    const rows = await entries(
      prisma,
      setup.merchant.id,
      Array.from({ length: 120 }, (_, i) => ({ action: "store.created", at: new Date(base - Math.floor(i / 3) * 1000) })),
    );
    const expected = [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((row) => row.id);
    const first = await listAuditLog(owner, {});
    expect(first.entries).toHaveLength(50);
    expect(first.entries.map((entry) => entry.id)).toEqual(expected.slice(0, 50));

    const { ids, pages } = await everyPage(owner, {}, 50);
    expect(pages).toBe(3);
    expect(ids).toEqual(expected);
    expect((await everyPage(owner, {}, 7)).ids).toEqual(expected);
  });

  it("neither repeats nor skips entries when new ones arrive between pages", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id, clock);
    const base = clock.now().getTime();
    const rows = await entries(
      prisma,
      setup.merchant.id,
      Array.from({ length: 30 }, (_, i) => ({ action: "staff.created", at: new Date(base - i * 1000) })),
    );
    const first = await listAuditLog(owner, {}, 10);
    await entries(prisma, setup.merchant.id, [{ action: "staff.updated", at: new Date(base + 5000) }]);
    const seen = [...first.entries.map((entry) => entry.id)];
    let cursor = first.nextCursor ?? undefined;
    while (cursor) {
      const page = await listAuditLog(owner, { cursor }, 10);
      seen.push(...page.entries.map((entry) => entry.id));
      cursor = page.nextCursor ?? undefined;
    }
    expect(seen).toEqual(rows.map((row) => row.id));
  });

  it("filters by action, by area and by who acted, and names people, keys and targets", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id, clock);
    const ownerId = (owner.actor as { userId: string }).userId;
    await prisma.user.update({ where: { id: ownerId }, data: { name: "Olivia Owner" } });
    const at = (seconds: number) => new Date(clock.now().getTime() + seconds * 1000);
    await entries(prisma, setup.merchant.id, [
      { action: "store.created", at: at(1), actorType: "user", actorId: ownerId },
      { action: "store.updated", at: at(2), actorType: "api_key", actorId: setup.apiKey.id },
      { action: "staff.created", at: at(3), actorType: "user", actorId: ownerId },
      { action: "merchant.signed_up", at: at(4) },
    ]);
    await prisma.auditLog.updateMany({
      where: { merchantId: setup.merchant.id, action: "store.created" },
      data: { targetType: "store", targetId: setup.store.id, details: { name: setup.store.name } },
    });

    const actions = async (query: Parameters<typeof listAuditLog>[1]) =>
      (await listAuditLog(owner, query)).entries.map((entry) => entry.action);
    expect(await actions({})).toEqual(["merchant.signed_up", "staff.created", "store.updated", "store.created"]);
    expect(await actions({ action: "store.created" })).toEqual(["store.created"]);
    expect(await actions({ action: "store" })).toEqual(["store.updated", "store.created"]);
    expect(await actions({ person: `user:${ownerId}` })).toEqual(["staff.created", "store.created"]);
    expect(await actions({ person: `api_key:${setup.apiKey.id}` })).toEqual(["store.updated"]);
    expect(await actions({ person: "system" })).toEqual(["merchant.signed_up"]);
    expect(await actions({ action: "store", person: `user:${ownerId}` })).toEqual(["store.created"]);

    const { entries: listed } = await listAuditLog(owner, {});
    expect(listed.find((entry) => entry.action === "store.created")).toMatchObject({
      actor: { kind: "user", name: "Olivia Owner", detail: expect.stringContaining("@example.com"), filter: `user:${ownerId}` },
      target: { type: "store", id: setup.store.id, label: setup.store.name },
      details: { name: setup.store.name },
    });
    expect(listed.find((entry) => entry.action === "store.updated")?.actor).toMatchObject({ kind: "api_key", name: "tests" });
    expect(listed.find((entry) => entry.action === "merchant.signed_up")).toMatchObject({ actor: { kind: "system" }, target: null });

    const filters = await listAuditFilters(owner);
    expect(filters.actions).toEqual(["merchant.signed_up", "staff.created", "store.created", "store.updated"]);
    expect(filters.people.map((person) => person.filter).sort()).toEqual(
      [`api_key:${setup.apiKey.id}`, "system", `user:${ownerId}`].sort(),
    );
  });

  it("shows a merchant only its own entries, people and targets", async () => {
    const { prisma } = database();
    const mine = await createMerchantSetup(prisma);
    const theirs = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, mine.merchant.id, clock);
    const theirOwner = await ownerContext(prisma, theirs.merchant.id, clock);
    const theirOwnerId = (theirOwner.actor as { userId: string }).userId;
    await entries(prisma, theirs.merchant.id, [{ action: "store.created", at: clock.now(), actorType: "user", actorId: theirOwnerId }]);
    const [own] = await entries(prisma, mine.merchant.id, [{ action: "store.created", at: clock.now() }]);
    // An entry of mine that names their store and their person must not reveal their names.
    await prisma.auditLog.update({
      where: { id: own!.id },
      data: { targetType: "store", targetId: theirs.store.id, actorType: "user", actorId: theirOwnerId },
    });

    const page = await listAuditLog(owner, {});
    expect(page.entries.map((entry) => entry.id)).toEqual([own!.id]);
    expect(page.entries[0]).toMatchObject({ actor: { kind: "user", name: null }, target: { type: "store", label: null } });
    expect((await listAuditLog(owner, { person: `user:${theirOwnerId}` })).entries.map((entry) => entry.id)).toEqual([own!.id]);
    expect((await listAuditLog(theirOwner, {})).entries).toHaveLength(1);
    expect((await listAuditFilters(owner)).actions).toEqual(["store.created"]);
  });

  it("takes filters and cursors only in their own shapes", () => {
    expect(auditLogQuerySchema.safeParse({ action: "store.created", person: "system" }).success).toBe(true);
    expect(auditLogQuerySchema.safeParse({ action: "store" }).success).toBe(true);
    expect(auditLogQuerySchema.safeParse({ action: "store.created'; --" }).success).toBe(false);
    expect(auditLogQuerySchema.safeParse({ person: "user:not-a-uuid" }).success).toBe(false);
    expect(auditLogQuerySchema.safeParse({ cursor: "garbage" }).success).toBe(false);
  });
});

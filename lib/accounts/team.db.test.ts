import { describe, expect, it } from "vitest";
import type { ServiceContext } from "@/lib/service-context";
import { fixedClock } from "@/test/clock";
import { databaseKind, useTestDatabase } from "@/test/db";
import { createMerchant, ownerContext, uniq } from "@/test/factories";
import { refusal } from "@/test/refusal";
import { loadSessionUser } from "./sessions";
import { listTeam, removeManager } from "./team";

describe(`the team on ${databaseKind()}`, () => {
  const database = useTestDatabase();
  const clock = fixedClock("2026-03-01T10:00:00Z");

  async function setup() {
    const { prisma } = database();
    const { merchant } = await createMerchant(prisma);
    const owner = await ownerContext(prisma, merchant.id, clock);
    const manager = await prisma.user.create({
      data: { merchantId: merchant.id, email: `${uniq("manager")}@example.com`, name: "Max", passwordHash: "x", role: "manager" },
    });
    // Two browsers, each with its own session.
    const sessions = await Promise.all([1, 2].map(() => prisma.userSession.create({ data: { userId: manager.id } })));
    return { merchant, owner, manager, sessions };
  }

  it("lists the owner first, then the managers", async () => {
    const { owner, manager } = await setup();
    const team = await listTeam(owner);
    expect(team.map((member) => member.role)).toEqual(["owner", "manager"]);
    expect(team[1]).toMatchObject({ id: manager.id, name: "Max", active: true, lastLoginAt: null });
  });

  it("removing a manager ends every session of theirs at once and records it", async () => {
    const { prisma } = database();
    const { owner, manager, sessions } = await setup();
    for (const session of sessions) expect(await loadSessionUser(session.id, manager.id, clock.now())).not.toBeNull();
    await removeManager(owner, manager.id);
    for (const session of sessions) expect(await loadSessionUser(session.id, manager.id, clock.now())).toBeNull();
    expect(await prisma.userSession.count({ where: { userId: manager.id, revokedAt: null } })).toBe(0);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: manager.id } })).toMatchObject({ active: false });
    // A session opened by some race after the removal still does not work: the account is inactive.
    const late = await prisma.userSession.create({ data: { userId: manager.id } });
    expect(await loadSessionUser(late.id, manager.id, clock.now())).toBeNull();
    expect(await prisma.auditLog.findFirst({ where: { merchantId: owner.merchantId, action: "manager.removed" } })).toMatchObject({
      targetType: "user",
      targetId: manager.id,
      details: { email: manager.email },
    });
  });

  it("removes only the merchant's own managers, never the owner, and only at the owner's hand", async () => {
    const { owner, manager, sessions } = await setup();
    const other = await setup();
    expect((await refusal(removeManager(owner, other.manager.id))).code).toBe("NOT_FOUND");
    expect((await refusal(removeManager(owner, (owner.actor as { userId: string }).userId))).code).toBe("NOT_FOUND");
    const asManager: ServiceContext = { ...owner, actor: { type: "user", userId: manager.id, role: "manager" } };
    expect((await refusal(removeManager(asManager, manager.id))).code).toBe("FORBIDDEN");
    expect(await loadSessionUser(sessions[0]!.id, manager.id, clock.now())).not.toBeNull();
    expect(await loadSessionUser(other.sessions[0]!.id, other.manager.id, clock.now())).not.toBeNull();
  });
});

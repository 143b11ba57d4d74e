import { beforeAll, describe, expect, it } from "vitest";
import * as unlockRoute from "@/app/api/v1/vendor/loyalty/pins/[id]/unlock/route";
import * as pinRoute from "@/app/api/v1/vendor/loyalty/pins/[id]/route";
import * as pinsRoute from "@/app/api/v1/vendor/loyalty/pins/route";
import * as pointsRoute from "@/app/api/v1/vendor/loyalty/points/route";
import * as stampRoute from "@/app/api/v1/vendor/loyalty/stamp/route";
import { callRoute } from "@/test/api-client";
import { useTestDatabase } from "@/test/db";
import { createCard, createMerchantSetup } from "@/test/factories";

describe("staff PINs", () => {
  const database = useTestDatabase();
  let setup: Awaited<ReturnType<typeof createMerchantSetup>>;

  beforeAll(async () => {
    setup = await createMerchantSetup(database().prisma, {
      stores: 2,
      program: { requireStaffPin: true, cooldownMinutes: 0, maxDailyStamps: 100, stampsTarget: 50 },
    });
  });

  const api = (handler: typeof pinsRoute.GET, method: string, path: string, body?: unknown, params?: Record<string, string>) =>
    callRoute(handler, { method, path, apiKey: setup.apiKey.key, body, params });
  const stamp = (body: Record<string, unknown>) => api(stampRoute.POST, "POST", "/api/v1/vendor/loyalty/stamp", body);

  it("are created (never shown back), listed, changed, and deactivated through /pins", async () => {
    const [gare, kirch] = setup.stores;
    const created = await api(pinsRoute.POST, "POST", "/api/v1/vendor/loyalty/pins", { name: "Sophie", pin: "4821", storeIds: [gare!.id] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Sophie", storeIds: [gare!.id], active: true, locked: false, failedAttempts: 0 });
    expect(JSON.stringify(created.body)).not.toContain("4821");
    const id = created.body.id as string;

    const list = await api(pinsRoute.GET, "GET", "/api/v1/vendor/loyalty/pins");
    expect((list.body.staff as { id: string }[]).map((member) => member.id)).toContain(id);

    const moved = await api(
      pinRoute.PATCH,
      "PATCH",
      `/api/v1/vendor/loyalty/pins/${id}`,
      { name: "Sophie M.", storeIds: [gare!.id, kirch!.id] },
      { id },
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ name: "Sophie M.", storeIds: [gare!.id, kirch!.id].sort() });

    const card = await createCard(database().prisma, setup.merchant, setup.program);
    expect((await stamp({ cardNumber: card.cardNumber, storeId: kirch!.id, staffPin: "4821" })).status).toBe(200);

    const gone = await api(pinRoute.DELETE, "DELETE", `/api/v1/vendor/loyalty/pins/${id}`, undefined, { id });
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ active: false });
    const refused = await stamp({ cardNumber: card.cardNumber, storeId: kirch!.id, staffPin: "4821" });
    expect(refused.status).toBe(401);
    // The PIN is free again for someone else.
    expect(
      (await api(pinsRoute.POST, "POST", "/api/v1/vendor/loyalty/pins", { name: "Theo", pin: "4821", storeIds: [gare!.id] })).status,
    ).toBe(201);
  });

  it("refuse a PIN already used by an active colleague, a bad format and a foreign store, naming the field", async () => {
    await api(pinsRoute.POST, "POST", "/api/v1/vendor/loyalty/pins", { name: "Ana", pin: "7777", storeIds: [setup.store.id] });
    const taken = await api(pinsRoute.POST, "POST", "/api/v1/vendor/loyalty/pins", {
      name: "Bea",
      pin: "7777",
      storeIds: [setup.store.id],
    });
    expect(taken.status).toBe(422);
    expect(taken.body).toMatchObject({ code: "VALIDATION_FAILED", errors: { pin: [expect.stringContaining("already uses this PIN")] } });

    const short = await api(pinsRoute.POST, "POST", "/api/v1/vendor/loyalty/pins", { name: "Cy", pin: "12a", storeIds: [setup.store.id] });
    expect(short.status).toBe(422);
    expect(short.body).toMatchObject({ errors: { pin: ["A PIN has digits only."] } });

    const other = await createMerchantSetup(database().prisma);
    const foreign = await api(pinsRoute.POST, "POST", "/api/v1/vendor/loyalty/pins", {
      name: "Dee",
      pin: "8888",
      storeIds: [other.store.id],
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body).toMatchObject({ errors: { storeIds: [expect.any(String)] } });
  });

  it("5 wrong PINs for a staff member give 401s counting down, then PIN_LOCKED 423; unlock restores", async () => {
    const member = await api(pinsRoute.POST, "POST", "/api/v1/vendor/loyalty/pins", {
      name: "Luca",
      pin: "2468",
      storeIds: [setup.store.id],
    });
    const staffId = member.body.id as string;
    const card = await createCard(database().prisma, setup.merchant, setup.program);
    const attempt = (staffPin: string) => stamp({ cardNumber: card.cardNumber, storeId: setup.store.id, staffId, staffPin });

    for (const left of [4, 3, 2, 1, 0]) {
      const wrong = await attempt("1357");
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatchObject({ code: "PIN_INVALID", attemptsLeft: left });
    }
    const locked = await attempt("2468");
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({ code: "PIN_LOCKED", lockedUntil: expect.any(String), unlockedBy: "a manager or the owner" });
    expect(await database().prisma.ledgerEntry.count({ where: { cardId: card.id } })).toBe(0);

    const list = await api(pinsRoute.GET, "GET", "/api/v1/vendor/loyalty/pins");
    expect((list.body.staff as { id: string; locked: boolean }[]).find((m) => m.id === staffId)).toMatchObject({ locked: true });

    const unlocked = await api(unlockRoute.POST, "POST", `/api/v1/vendor/loyalty/pins/${staffId}/unlock`, undefined, { id: staffId });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ locked: false, failedAttempts: 0 });
    const ok = await attempt("2468");
    expect(ok.status).toBe(200);
    expect(await database().prisma.ledgerEntry.findFirstOrThrow({ where: { cardId: card.id } })).toMatchObject({ staffMemberId: staffId });
  });

  it("with a PIN alone, find the staff member by the PIN; wrong PINs count against the store and this client", async () => {
    const [, kirch] = setup.stores;
    await api(pinsRoute.POST, "POST", "/api/v1/vendor/loyalty/pins", { name: "Noor", pin: "90210", storeIds: [kirch!.id] });
    const card = await createCard(database().prisma, setup.merchant, setup.program);
    const ok = await stamp({ cardNumber: card.cardNumber, storeId: kirch!.id, staffPin: "90210" });
    expect(ok.status).toBe(200);
    expect(
      (await database().prisma.ledgerEntry.findFirstOrThrow({ where: { cardId: card.id }, include: { staffMember: true } })).staffMember
        ?.name,
    ).toBe("Noor");

    // Noor does not work at the first store.
    const elsewhere = await stamp({ cardNumber: card.cardNumber, storeId: setup.store.id, staffPin: "90210" });
    expect(elsewhere.status).toBe(403);

    for (const left of [4, 3, 2, 1, 0]) {
      const wrong = await stamp({ cardNumber: card.cardNumber, storeId: kirch!.id, staffPin: "000000" });
      expect(wrong.body).toMatchObject({ code: "PIN_INVALID", attemptsLeft: left });
    }
    const locked = await stamp({ cardNumber: card.cardNumber, storeId: kirch!.id, staffPin: "90210" });
    expect(locked.status).toBe(423);
    // Another store is another scope.
    expect((await stamp({ cardNumber: card.cardNumber, storeId: setup.store.id, staffPin: "000000" })).body).toMatchObject({
      attemptsLeft: 4,
    });
  });

  it("require a PIN when the program does, naming the field", async () => {
    const card = await createCard(database().prisma, setup.merchant, setup.program);
    const missing = await stamp({ cardNumber: card.cardNumber, storeId: setup.store.id });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ errors: { staffPin: ["A staff PIN is required by this program."] } });
  });

  it("check the PIN last: a request refused for its amount costs no PIN attempt", async () => {
    const hybrid = await createMerchantSetup(database().prisma, {
      program: { type: "hybrid", requireStaffPin: true },
      staff: [{ pin: "3141" }],
    });
    const card = await createCard(database().prisma, hybrid.merchant, hybrid.program);
    const points = (purchaseAmountCents: number, staffPin: string) =>
      callRoute(pointsRoute.POST, {
        method: "POST",
        path: "/api/v1/vendor/loyalty/points",
        apiKey: hybrid.apiKey.key,
        body: { cardNumber: card.cardNumber, storeId: hybrid.store.id, staffId: hybrid.staff[0]!.id, staffPin, purchaseAmountCents },
      });
    expect((await points(0, "9999")).status).toBe(422);
    expect((await points(-5, "9999")).status).toBe(422);
    expect((await points(500, "9999")).body).toMatchObject({ code: "PIN_INVALID", attemptsLeft: 4 });
  });
});

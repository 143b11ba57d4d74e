import { describe, expect, it } from "vitest";
import { getCounterContext } from "@/lib/programs/get-counter-context";
import type { ServiceContext } from "@/lib/service-context";
import { fixedClock } from "@/test/clock";
import { databaseKind, useTestDatabase } from "@/test/db";
import { createMerchantSetup, ownerContext } from "@/test/factories";
import { refusal } from "@/test/refusal";
import { getMerchantSettings } from "./get-merchant-settings";
import { updateMerchantSettingsSchema } from "./schemas";
import { updateMerchantSettings } from "./update-merchant-settings";

describe(`merchant settings on ${databaseKind()}`, () => {
  const database = useTestDatabase();
  const clock = fixedClock("2026-03-01T10:00:00Z");

  async function setup() {
    const { prisma } = database();
    const merchant = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, merchant.merchant.id, clock);
    return { ...merchant, owner };
  }

  it("are saved by the owner, with the values before and after in the audit log", async () => {
    const { prisma } = database();
    const { merchant, owner } = await setup();
    const result = await updateMerchantSettings(owner, { name: "Café Lumière", timeZone: "America/New_York", defaultLocale: "fr" });
    expect(result.changed).toEqual(["name", "timeZone", "defaultLocale"]);
    expect(await getMerchantSettings(owner)).toEqual({ name: "Café Lumière", timeZone: "America/New_York", defaultLocale: "fr" });

    const audit = await prisma.auditLog.findMany({ where: { merchantId: merchant.id, action: "merchant.settings_updated" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: "user",
      userId: (owner.actor as { userId: string }).userId,
      targetType: "merchant",
      targetId: merchant.id,
      createdAt: clock.now(),
      details: {
        before: { name: merchant.name, timeZone: "Europe/Luxembourg", defaultLocale: "en" },
        after: { name: "Café Lumière", timeZone: "America/New_York", defaultLocale: "fr" },
      },
    });
  });

  it("record only the fields that changed, and nothing when nothing changed", async () => {
    const { prisma } = database();
    const { merchant, owner } = await setup();
    await updateMerchantSettings(owner, { name: merchant.name, timeZone: "Europe/Paris", defaultLocale: "en" });
    const unchanged = await updateMerchantSettings(owner, { name: merchant.name, timeZone: "Europe/Paris", defaultLocale: "en" });
    expect(unchanged.changed).toEqual([]);
    const audit = await prisma.auditLog.findMany({ where: { merchantId: merchant.id, action: "merchant.settings_updated" } });
    expect(audit.map((entry) => entry.details)).toEqual([
      { before: { timeZone: "Europe/Luxembourg" }, after: { timeZone: "Europe/Paris" } },
    ]);
  });

  it("make the counter count days in the new time zone at once (its cached rules are dropped)", async () => {
    const { merchant, store, owner } = await setup();
    const now = clock.now().getTime();
    expect((await getCounterContext(merchant.id, store.id, now)).timeZone).toBe("Europe/Luxembourg");
    await updateMerchantSettings(owner, { name: merchant.name, timeZone: "Asia/Tokyo", defaultLocale: "en" });
    // Same instant, well within the cache's lifetime: only an eviction explains the new zone.
    expect((await getCounterContext(merchant.id, store.id, now)).timeZone).toBe("Asia/Tokyo");
  });

  it("ask the wallets to refresh the passes when the name changes", async () => {
    const { prisma } = database();
    const { merchant, program, owner } = await setup();
    await updateMerchantSettings(owner, { name: merchant.name, timeZone: "UTC", defaultLocale: "de" });
    expect(await prisma.outboxEvent.count({ where: { merchantId: merchant.id, type: "wallet.program_changed" } })).toBe(0);
    await updateMerchantSettings(owner, { name: "Renamed", timeZone: "UTC", defaultLocale: "de" });
    const events = await prisma.outboxEvent.findMany({ where: { merchantId: merchant.id, type: "wallet.program_changed" } });
    expect(events.map((event) => event.payload)).toEqual([{ programId: program.id }]);
  });

  it("are changed by the owner only, and only the owner's own merchant", async () => {
    const { prisma } = database();
    const { merchant, owner, ctx: apiKey } = await setup();
    const other = await setup();
    const manager: ServiceContext = {
      ...owner,
      actor: { type: "user", userId: (owner.actor as { userId: string }).userId, role: "manager" },
    };
    expect((await refusal(updateMerchantSettings(manager, { name: "X", timeZone: "UTC", defaultLocale: "en" }))).code).toBe("FORBIDDEN");
    expect((await refusal(updateMerchantSettings(apiKey, { name: "X", timeZone: "UTC", defaultLocale: "en" }))).code).toBe("FORBIDDEN");

    await updateMerchantSettings(owner, { name: "Mine", timeZone: "UTC", defaultLocale: "lb" });
    const untouched = await prisma.merchant.findUniqueOrThrow({ where: { id: other.merchant.id } });
    expect(untouched).toMatchObject({ name: other.merchant.name, timeZone: "Europe/Luxembourg", defaultLocale: "en" });
    expect(await prisma.auditLog.count({ where: { merchantId: other.merchant.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { merchantId: merchant.id } })).toBe(1);
  });
});

describe("the settings schema", () => {
  const valid = { name: "Café", timeZone: "Europe/Luxembourg", defaultLocale: "fr" };
  const errors = (input: unknown) => {
    const parsed = updateMerchantSettingsSchema.safeParse(input);
    return parsed.success ? null : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
  };

  it("accepts IANA zones of the list and the four languages", () => {
    expect(errors(valid)).toBeNull();
    expect(errors({ ...valid, timeZone: "UTC", defaultLocale: "lb" })).toBeNull();
    expect(updateMerchantSettingsSchema.parse({ ...valid, name: "  Café  " }).name).toBe("Café");
  });

  it("refuses an unknown time zone, another language, and an empty or long name, each next to its field", () => {
    expect(errors({ ...valid, timeZone: "Mars/Olympus_Mons" })).toEqual({ timeZone: "validation.timeZone" });
    expect(errors({ ...valid, timeZone: "+02:00" })).toEqual({ timeZone: "validation.timeZone" });
    expect(errors({ ...valid, defaultLocale: "es" })).toEqual({ defaultLocale: "validation.invalid" });
    expect(errors({ ...valid, name: "   " })).toEqual({ name: "validation.required" });
    expect(errors({ ...valid, name: "x".repeat(81) })).toEqual({ name: "validation.tooLong" });
    expect(errors({ ...valid, status: "suspended" })).not.toBeNull();
  });
});

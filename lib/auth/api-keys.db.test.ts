import { describe, expect, it } from "vitest";
import { systemClock } from "@/lib/clock";
import type { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { useTestDatabase } from "@/test/db";
import { createMerchantSetup, ownerContext } from "@/test/factories";
import { authenticateApiKey, createApiKey, listApiKeys, renameApiKey, revokeApiKey } from "./api-keys";

describe("API keys", () => {
  const database = useTestDatabase();

  it("are created by the owner, shown once, authenticate their merchant, and stop working at once when revoked", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id);
    const created = await createApiKey(owner, "Till integration");
    expect(created.key).toMatch(/^lk_[\w-]{40,}$/);
    expect(created.prefix).toBe(created.key.slice(0, 9));
    const stored = await prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(stored)).not.toContain(created.key);

    expect(await authenticateApiKey(created.key, systemClock)).toEqual({
      apiKeyId: created.id,
      merchantId: setup.merchant.id,
      merchantStatus: "active",
    });
    // Answered from the cache now; revoking must still take effect at once.
    expect(await authenticateApiKey(created.key, systemClock)).not.toBeNull();
    const listed = await listApiKeys(owner);
    expect(listed.find((key) => key.id === created.id)).toMatchObject({
      name: "Till integration",
      revokedAt: null,
      lastUsedAt: expect.any(String),
    });

    await revokeApiKey(owner, created.id);
    expect(await authenticateApiKey(created.key, systemClock)).toBeNull();
    expect((await listApiKeys(owner)).find((key) => key.id === created.id)?.revokedAt).not.toBeNull();
  });

  it("are managed by the owner only, and only the merchant's own", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id);
    const manager: ServiceContext = {
      ...owner,
      actor: { type: "user", userId: (owner.actor as { userId: string }).userId, role: "manager" },
    };
    const code = async (promise: Promise<unknown>) => ((await promise.catch((error: unknown) => error)) as AppError).code;
    expect(await code(createApiKey(manager, "x"))).toBe("FORBIDDEN");
    expect(await code(listApiKeys(manager))).toBe("FORBIDDEN");
    expect(await code(listApiKeys(setup.ctx))).toBe("FORBIDDEN");
    expect(await code(revokeApiKey(manager, setup.apiKey.id))).toBe("FORBIDDEN");
    expect(await code(renameApiKey(manager, setup.apiKey.id, "x"))).toBe("FORBIDDEN");
    expect(await code(revokeApiKey(setup.ctx, setup.apiKey.id))).toBe("FORBIDDEN");
    const other = await createMerchantSetup(prisma);
    expect(await code(revokeApiKey(owner, other.apiKey.id))).toBe("NOT_FOUND");
    expect(await code(renameApiKey(owner, other.apiKey.id, "Mine now"))).toBe("NOT_FOUND");
    expect(await authenticateApiKey(other.apiKey.key, systemClock)).not.toBeNull();
    expect(await prisma.apiKey.findUniqueOrThrow({ where: { id: other.apiKey.id } })).toMatchObject({ name: "tests", revokedAt: null });
    expect(await authenticateApiKey(setup.apiKey.key, systemClock)).not.toBeNull();
  });

  it("are renamed by the owner, the change audited, the key itself unchanged; the list says who created each", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id);
    const ownerId = (owner.actor as { userId: string }).userId;
    await prisma.user.update({ where: { id: ownerId }, data: { name: "Olivia Owner" } });
    const created = await createApiKey(owner, "Till");
    expect(created.createdBy).toBe("Olivia Owner");

    const renamed = await renameApiKey(owner, created.id, "Till at the bar");
    expect(renamed).toMatchObject({ id: created.id, name: "Till at the bar", prefix: created.prefix, createdBy: "Olivia Owner" });
    expect(await authenticateApiKey(created.key, systemClock)).toMatchObject({ apiKeyId: created.id });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { targetId: created.id, action: "api_key.renamed" } });
    expect(audit).toMatchObject({ userId: ownerId, details: { from: "Till", to: "Till at the bar" } });

    const listed = await listApiKeys(owner);
    // The factory's key was made without a user.
    expect(listed.map((key) => [key.name, key.createdBy])).toEqual([
      ["Till at the bar", "Olivia Owner"],
      ["tests", null],
    ]);
  });

  it("revoked twice keeps the first revocation time and audit entry", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id);
    const first = await revokeApiKey(owner, setup.apiKey.id);
    const second = await revokeApiKey(owner, setup.apiKey.id);
    expect(second.revokedAt).toBe(first.revokedAt);
    expect(await prisma.auditLog.count({ where: { targetId: setup.apiKey.id, action: "api_key.revoked" } })).toBe(1);
    expect(await authenticateApiKey(setup.apiKey.key, systemClock)).toBeNull();
  });
});

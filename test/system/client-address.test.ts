import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createCard, createMerchantSetup } from "@/test/factories";
import { createSystemDatabase, startAppInstance, type AppInstance } from "./support/system-app";

// The built app behind two proxies (a CDN, then a load balancer: LOYALTY_TRUSTED_PROXIES=2). The client's
// address is the entry the CDN appended, for the counter API's fast path and Next's routes alike; what the
// client writes before it changes nothing.
const LOAD_BALANCER = "10.0.0.2";

describe("the client's address behind two proxies", () => {
  let database: (Database & { url: string }) | undefined;
  let app: AppInstance | undefined;
  let setup: Awaited<ReturnType<typeof createMerchantSetup>>;

  beforeAll(async () => {
    database = await createSystemDatabase();
    setup = await createMerchantSetup(database.prisma);
    app = await startAppInstance({ databaseUrl: database.url, env: { LOYALTY_TRUSTED_PROXIES: "2" } });
  });

  afterAll(async () => {
    await app?.kill();
    await database?.close();
  });

  const url = (path: string) => `${app!.url}${path}`;
  const through = (...entries: string[]) => ({ "x-forwarded-for": [...entries, LOAD_BALANCER].join(", ") });

  it("records the address the CDN saw on a stamp, not the one the client wrote", async () => {
    const card = await createCard(database!.prisma, setup.merchant, setup.program);
    const response = await fetch(url("/api/v1/vendor/loyalty/stamp"), {
      method: "POST",
      headers: { authorization: `Bearer ${setup.apiKey.key}`, "content-type": "application/json", ...through("6.6.6.6", "203.0.113.50") },
      body: JSON.stringify({ cardNumber: card.cardNumber, storeId: setup.store.id }),
    });
    expect(response.status).toBe(200);
    const entry = await database!.prisma.ledgerEntry.findFirstOrThrow({ where: { cardId: card.id } });
    expect(entry.ip).toBe("203.0.113.50");
  });

  it("counts a client's guesses against its own address, whatever it writes before it", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 70; i++) {
      last = await fetch(url(`/api/v1/loyalty/programs/NOPE${i}`), { headers: through(`198.51.100.${i}`, "203.0.113.9") });
      if (last.status === 429) break;
    }
    expect(last!.status).toBe(429);
    expect(((await last!.json()) as { code: string }).code).toBe("RATE_LIMITED");
    // Another customer behind the same CDN and load balancer is not affected.
    const other = await fetch(url(`/api/v1/loyalty/programs/${setup.store.code}`), { headers: through("203.0.113.10") });
    expect(other.status).toBe(200);
  });
});

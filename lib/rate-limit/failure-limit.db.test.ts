import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { databaseKind, useTestDatabase } from "@/test/db";
import { failureLimit } from "./failure-limit";
import { RATE_LIMITS } from "./rate-limit";

describe(`a limit on failures, shared through ${databaseKind()}`, () => {
  useTestDatabase();
  const now = new Date();
  const points = RATE_LIMITS.pinFailuresByClient.points;

  it("refuses a client once its failures reach the limit", async () => {
    const limit = failureLimit("pinFailuresByClient");
    const client = `client-${newId()}`;
    await expect(limit.check(client, now)).resolves.toBeUndefined();
    for (let n = 0; n < points - 1; n++) await limit.record(client, now);
    await expect(limit.check(client, now)).resolves.toBeUndefined();
    await limit.record(client, now);
    await expect(limit.check(client, now)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("shares the count between instances: another one refuses the client from its first failure there", async () => {
    const first = failureLimit("pinFailuresByClient");
    const second = failureLimit("pinFailuresByClient");
    const client = `client-${newId()}`;
    for (let n = 0; n < points; n++) await first.record(client, now);
    // The second instance has seen no failure from this client: it does not read the shared count (one attempt of slack)…
    await expect(second.check(client, now)).resolves.toBeUndefined();
    // …and from its first failure on, it does.
    await second.record(client, now);
    await expect(second.check(client, now)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("forgets a client once the limit's window has passed", async () => {
    const limit = failureLimit("pinFailuresByClient");
    const client = `client-${newId()}`;
    await limit.record(client, now);
    const later = new Date(now.getTime() + (RATE_LIMITS.pinFailuresByClient.duration + 1) * 1000);
    await expect(limit.check(client, later)).resolves.toBeUndefined();
  });
});

import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";

/** What makes a request repeatable: the client's key and a digest of what was asked. */
export type IdempotencyInput = { key: string; requestHash: string };

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** SHA-256 of a request's method, path and canonical body (keys sorted), so formatting differences don't matter. */
export function hashRequest(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`)
    .digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The stored first answer for this key, or null when the key is new. The
 * same key with another request is refused with IDEMPOTENCY_CONFLICT.
 * Pass `tx` to read inside the transaction that holds the card's lock.
 */
export async function findReplay<T>(merchantId: string, input: IdempotencyInput, tx: Tx = db): Promise<T | null> {
  const record = await tx.idempotencyRecord.findUnique({
    where: { merchantId_key: { merchantId, key: input.key } },
    select: { requestHash: true, responseBody: true },
  });
  if (!record) return null;
  if (record.requestHash !== input.requestHash) {
    throw new AppError("IDEMPOTENCY_CONFLICT", {}, "This Idempotency-Key was already used with a different request.");
  }
  return record.responseBody as T;
}

/** Keeps the first answer for this key (inside the transaction that made it), for IDEMPOTENCY_TTL_MS. */
export async function storeAnswer(tx: Tx, merchantId: string, input: IdempotencyInput, body: object, now: Date): Promise<void> {
  await tx.idempotencyRecord.create({
    data: {
      id: newId(),
      merchantId,
      key: input.key,
      requestHash: input.requestHash,
      responseStatus: 200,
      responseBody: body,
      createdAt: now,
      expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
    },
  });
}

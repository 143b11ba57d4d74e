import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { API_KEY_PREFIX, generateApiKey, hashApiKey } from "./api-key-secret";

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  /** The name (or email) of the user who created the key, while that user exists. */
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};

/** A key's use is recorded at most this often, so a busy integration does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;
type CachedPrincipal = { principal: ApiKeyPrincipal; until: number };

// Both maps live on globalThis: Next loads this module more than once in one
// process (the dashboard's server actions and the API's route handlers are
// separate bundles), and a revocation from the dashboard must reach the copy
// the API reads.
const globalForApiKeys = globalThis as {
  __loyaltyApiKeyCache?: Map<string, CachedPrincipal>;
  __loyaltyApiKeyLastUsed?: Map<string, number>;
};
const lastUsedWritten = (globalForApiKeys.__loyaltyApiKeyLastUsed ??= new Map());

export type ApiKeyPrincipal = { apiKeyId: string; merchantId: string; merchantStatus: "active" | "suspended" };

/**
 * Keys that answered recently, so a busy integration costs no lookup per
 * request (a database round trip is the stamp path's main cost). Revoking a
 * key or suspending a merchant evicts at once in this process; other app
 * instances see it within API_KEY_CACHE_TTL_MS.
 *
 * With several app instances this cache is the only thing an instance keeps
 * of a key, and it grants nothing beyond authentication: the limits a request
 * meets (daily stamps, cooldowns, PIN lockouts, idempotency keys, rate
 * limits) are decided in the database, under row locks and unique indexes,
 * so they hold exactly across instances (test/system/scale-out.test.ts). The
 * one thing that lags is a revocation or suspension made through another
 * instance: at most API_KEY_CACHE_TTL_MS.
 */
export const API_KEY_CACHE_TTL_MS = 10_000;
const CACHE_MAX_ENTRIES = 10_000;
const principalCache = (globalForApiKeys.__loyaltyApiKeyCache ??= new Map());

export function forgetCachedApiKeys(match: (principal: ApiKeyPrincipal) => boolean): void {
  for (const [hash, entry] of principalCache) if (match(entry.principal)) principalCache.delete(hash);
}

/** The merchant a bearer key belongs to, or null for an unknown or revoked key. */
export async function authenticateApiKey(key: string, clock: Clock): Promise<ApiKeyPrincipal | null> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const keyHash = hashApiKey(key);
  const now = clock.now().getTime();
  const cached = principalCache.get(keyHash);
  if (cached && cached.until > now) return cached.principal;
  const principal = await lookUpApiKey(keyHash, now);
  // Unknown keys are not cached: a key created a moment ago must work at once.
  if (principal) {
    if (principalCache.size >= CACHE_MAX_ENTRIES) principalCache.delete(principalCache.keys().next().value!);
    principalCache.set(keyHash, { principal, until: now + API_KEY_CACHE_TTL_MS });
  }
  return principal;
}

async function lookUpApiKey(keyHash: string, now: number): Promise<ApiKeyPrincipal | null> {
  const [found] = await db.$queryRaw<{ id: string; merchantId: string; status: "active" | "suspended" }[]>`
    SELECT k.id, k.merchant_id AS "merchantId", m.status::text AS status
    FROM api_keys k JOIN merchants m ON m.id = k.merchant_id
    WHERE k.key_hash = ${keyHash} AND k.revoked_at IS NULL`;
  if (!found) return null;
  if ((lastUsedWritten.get(found.id) ?? 0) < now - LAST_USED_RESOLUTION_MS) {
    lastUsedWritten.set(found.id, now);
    await db.apiKey.update({ where: { id: found.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { apiKeyId: found.id, merchantId: found.merchantId, merchantStatus: found.status };
}

function requireOwner(ctx: ServiceContext): void {
  if (ctx.actor.type !== "user" || ctx.actor.role !== "owner") throw new AppError("FORBIDDEN", {}, "Only the owner manages API keys.");
}

const VIEW_INCLUDE = { createdBy: { select: { name: true, email: true } } } as const;

function toView(key: {
  id: string;
  name: string;
  prefix: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  createdBy: { name: string | null; email: string } | null;
}): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdBy: key.createdBy ? (key.createdBy.name ?? key.createdBy.email) : null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    createdAt: key.createdAt.toISOString(),
  };
}

export async function listApiKeys(ctx: ServiceContext): Promise<ApiKeyView[]> {
  requireOwner(ctx);
  const keys = await db.apiKey.findMany({ where: { merchantId: ctx.merchantId }, orderBy: { createdAt: "desc" }, include: VIEW_INCLUDE });
  return keys.map(toView);
}

/** Creates a key; the key itself is in this answer only, never stored or shown again. */
export async function createApiKey(ctx: ServiceContext, name: string): Promise<ApiKeyView & { key: string }> {
  requireOwner(ctx);
  const { key, keyHash, prefix } = generateApiKey();
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { merchantId: ctx.merchantId, name, prefix, keyHash, createdByUserId: ctx.actor.type === "user" ? ctx.actor.userId : null },
      include: VIEW_INCLUDE,
    });
    await recordAudit(tx, ctx, { action: "api_key.created", targetType: "api_key", targetId: row.id, details: { name } });
    return row;
  });
  return { ...toView(created), key };
}

/** Gives a key another name (the key itself does not change). */
export async function renameApiKey(ctx: ServiceContext, apiKeyId: string, name: string): Promise<ApiKeyView> {
  requireOwner(ctx);
  return db.$transaction(async (tx) => {
    const existing = await tx.apiKey.findFirst({ where: { id: apiKeyId, merchantId: ctx.merchantId }, select: { id: true, name: true } });
    if (!existing) throw new AppError("NOT_FOUND", {}, "No API key with this id.");
    const row = await tx.apiKey.update({ where: { id: apiKeyId }, data: { name }, include: VIEW_INCLUDE });
    await recordAudit(tx, ctx, {
      action: "api_key.renamed",
      targetType: "api_key",
      targetId: apiKeyId,
      details: { from: existing.name, to: name },
    });
    return toView(row);
  });
}

/** Revokes a key: it stops authenticating at once in this process, within API_KEY_CACHE_TTL_MS in others. */
export async function revokeApiKey(ctx: ServiceContext, apiKeyId: string): Promise<ApiKeyView> {
  requireOwner(ctx);
  const revoked = await db.$transaction(async (tx) => {
    const existing = await tx.apiKey.findFirst({
      where: { id: apiKeyId, merchantId: ctx.merchantId },
      select: { id: true, revokedAt: true },
    });
    if (!existing) throw new AppError("NOT_FOUND", {}, "No API key with this id.");
    const row = await tx.apiKey.update({
      where: { id: apiKeyId },
      data: { revokedAt: existing.revokedAt ?? ctx.clock.now() },
      include: VIEW_INCLUDE,
    });
    if (!existing.revokedAt) await recordAudit(tx, ctx, { action: "api_key.revoked", targetType: "api_key", targetId: apiKeyId });
    return toView(row);
  });
  // After the commit: a request authenticating meanwhile still read the key as valid and may have cached it.
  forgetCachedApiKeys((principal) => principal.apiKeyId === apiKeyId);
  return revoked;
}

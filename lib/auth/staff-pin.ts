import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { afterFailedAttempt, isLocked } from "@/lib/domain/pin-policy";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { ServiceContext } from "@/lib/service-context";
import { failureLimit } from "@/lib/rate-limit/failure-limit";
import { hashSecret, verifySecret } from "./password-hash";
import { pinLookupDigest } from "./pin-lookup";

/** Wrong PINs per client, whoever they were typed for (lib/rate-limit/failure-limit.ts). */
const pinFailures = failureLimit("pinFailuresByClient");

export type StaffCheck = {
  storeId: string;
  pin?: string;
  /** The staff member the PIN is typed for (counter flow); without it, the PIN alone finds them. */
  staffId?: string;
  /** Who is typing, for the PIN-only flow's lockout scope: an API key, a device, a client address. */
  clientKey: string;
  /** Whether the program requires a PIN for this change. */
  required: boolean;
};

export type AuthorizedStaff = { staffMemberId: string; name: string } | null;

let dummyHash: Promise<string> | undefined;

type PinOnlyRow = {
  scopeId: string | null;
  scopeFailures: number | null;
  scopeLockedUntil: Date | null;
  id: string | null;
  name: string | null;
  pinHash: string | null;
  lockedUntil: Date | null;
  atStore: boolean;
};

/**
 * Checks a staff PIN before a balance change. argon2 runs once, and only
 * when a PIN is presented: with a staff id, that member's hash; with a PIN
 * alone, the member whose keyed lookup digest matches. Wrong PINs count
 * against the chosen member, or against the store and client when no member
 * was chosen; enough of them lock that scope. An unknown PIN still costs one
 * hash verification, so timing does not tell a known PIN from an unknown one.
 * Failures are committed on their own, whatever happens to the request.
 */
export async function authorizeStaff(ctx: ServiceContext, check: StaffCheck): Promise<AuthorizedStaff> {
  const now = ctx.clock.now();
  if (check.pin === undefined) {
    if (check.required) {
      throw new AppError("VALIDATION_FAILED", { fieldErrors: { staffPin: ["validation.pinRequired"] } }, "A staff PIN is required.");
    }
    return check.staffId ? await staffAtStore(ctx, check.staffId, check.storeId) : null;
  }

  // Too many wrong PINs from this client, whoever they were typed for: refused before any hashing.
  await pinFailures.check(check.clientKey, now);

  if (check.staffId) {
    const member = await db.staffMember.findFirst({
      where: { id: check.staffId, merchantId: ctx.merchantId, active: true },
      select: { id: true, name: true, pinHash: true, lockedUntil: true, failedAttempts: true, stores: { select: { storeId: true } } },
    });
    if (!member) {
      // As long as a wrong PIN for a known member: one hash verification and one failure written (against
      // this client at this store), so the time taken does not tell which staff ids exist.
      await verifySecret(await timingEqualizer(), check.pin);
      await pinFailures.record(check.clientKey, now);
      await recordScopeFailure(ctx, check.storeId, check.clientKey);
      throw new AppError("NOT_FOUND", { fieldErrors: { staffId: ["validation.staffNotFound"] } }, "Staff member not found.");
    }
    if (isLocked(member.lockedUntil, now)) throw lockedError(member.lockedUntil!);
    if (!(await verifySecret(member.pinHash, check.pin))) {
      await pinFailures.record(check.clientKey, now);
      throw await recordStaffFailure(ctx, member.id);
    }
    if (member.failedAttempts > 0)
      await db.staffMember.update({ where: { id: member.id }, data: { failedAttempts: 0, lockedUntil: null } });
    return requireStore(member, check.storeId);
  }

  // One round trip for the scope's lockout and the staff member the PIN's digest names.
  const digest = pinLookupDigest(getConfig().secrets.secretKey, ctx.merchantId, check.pin);
  const [found] = await db.$queryRaw<PinOnlyRow[]>`
    SELECT l.id AS "scopeId", l.failed_attempts AS "scopeFailures", l.locked_until AS "scopeLockedUntil",
           s.id, s.name, s.pin_hash AS "pinHash", s.locked_until AS "lockedUntil",
           EXISTS (SELECT 1 FROM staff_stores ss WHERE ss.staff_member_id = s.id AND ss.store_id = ${check.storeId}::uuid) AS "atStore"
    FROM (SELECT 1) AS one
    LEFT JOIN pin_lockouts l ON l.store_id = ${check.storeId}::uuid AND l.client_key = ${check.clientKey}
    LEFT JOIN staff_members s ON s.merchant_id = ${ctx.merchantId}::uuid AND s.pin_lookup = ${digest} AND s.active`;
  const scope = found?.scopeId ? { id: found.scopeId, failedAttempts: found.scopeFailures!, lockedUntil: found.scopeLockedUntil } : null;
  if (scope && isLocked(scope.lockedUntil, now)) throw lockedError(scope.lockedUntil!);
  const member = found?.id
    ? {
        id: found.id,
        name: found.name!,
        pinHash: found.pinHash!,
        lockedUntil: found.lockedUntil,
        stores: found.atStore ? [{ storeId: check.storeId }] : [],
      }
    : null;
  if (!member) {
    await verifySecret(await timingEqualizer(), check.pin);
    await pinFailures.record(check.clientKey, now);
    throw await recordScopeFailure(ctx, check.storeId, check.clientKey);
  }
  if (isLocked(member.lockedUntil, now)) throw lockedError(member.lockedUntil!);
  if (!(await verifySecret(member.pinHash, check.pin))) {
    await pinFailures.record(check.clientKey, now);
    throw await recordScopeFailure(ctx, check.storeId, check.clientKey);
  }
  if (scope && scope.failedAttempts > 0) {
    // updateMany: the row may have been pruned meanwhile (an expired lockout), which counts the same as this reset.
    await db.pinLockout.updateMany({ where: { id: scope.id }, data: { failedAttempts: 0, lockedUntil: null } });
  }
  return requireStore(member, check.storeId);
}

/** A hash of nothing, verified when there is no member's hash to verify, so both cases cost the same. */
function timingEqualizer(): Promise<string> {
  dummyHash ??= hashSecret("timing-equalizer");
  return dummyHash;
}

function requireStore(member: { id: string; name: string; stores: { storeId: string }[] }, storeId: string): AuthorizedStaff {
  if (!member.stores.some((store) => store.storeId === storeId)) {
    throw new AppError("FORBIDDEN", {}, `${member.name} is not allowed to work at this store.`);
  }
  return { staffMemberId: member.id, name: member.name };
}

async function staffAtStore(ctx: ServiceContext, staffId: string, storeId: string): Promise<AuthorizedStaff> {
  const member = await db.staffMember.findFirst({
    where: { id: staffId, merchantId: ctx.merchantId, active: true },
    select: { id: true, name: true, stores: { select: { storeId: true } } },
  });
  if (!member) throw new AppError("NOT_FOUND", { fieldErrors: { staffId: ["validation.staffNotFound"] } }, "Staff member not found.");
  return requireStore(member, storeId);
}

function lockedError(lockedUntil: Date): AppError {
  return new AppError(
    "PIN_LOCKED",
    { extra: { lockedUntil: lockedUntil.toISOString(), unlockedBy: "a manager or the owner" } },
    `Too many wrong PINs: locked until ${lockedUntil.toISOString()} or until a manager unlocks it.`,
  );
}

function invalidError(outcome: { attemptsLeft: number; lockedUntil: Date | null }): AppError {
  return new AppError(
    "PIN_INVALID",
    { extra: { attemptsLeft: outcome.attemptsLeft, lockedUntil: outcome.lockedUntil?.toISOString() ?? null } },
    outcome.lockedUntil
      ? `Wrong PIN. No attempts left: locked until ${outcome.lockedUntil.toISOString()}.`
      : `Wrong PIN. ${outcome.attemptsLeft} attempt(s) left before the PIN is locked.`,
  );
}

/** One more wrong PIN for a staff member, decided and written under its row lock. */
async function recordStaffFailure(ctx: ServiceContext, staffMemberId: string): Promise<AppError> {
  const { pinMaxFailedAttempts, pinLockoutMinutes } = getConfig().loyalty;
  const outcome = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ failedAttempts: number; lockedUntil: Date | null }[]>`
      SELECT failed_attempts AS "failedAttempts", locked_until AS "lockedUntil" FROM staff_members
      WHERE id = ${staffMemberId}::uuid AND merchant_id = ${ctx.merchantId}::uuid FOR UPDATE`;
    const next = afterFailedAttempt({
      ...row!,
      maxAttempts: pinMaxFailedAttempts,
      lockoutMinutes: pinLockoutMinutes,
      now: ctx.clock.now(),
    });
    await tx.staffMember.update({
      where: { id: staffMemberId },
      data: { failedAttempts: next.failedAttempts, lockedUntil: next.lockedUntil },
    });
    return next;
  });
  return invalidError(outcome);
}

/** One more wrong PIN from a client at a store (PIN-only flow), under the scope row's lock. */
async function recordScopeFailure(ctx: ServiceContext, storeId: string, clientKey: string): Promise<AppError> {
  const { pinMaxFailedAttempts, pinLockoutMinutes } = getConfig().loyalty;
  const outcome = await db.$transaction(async (tx) => {
    // One statement that inserts the scope's row or locks the one there, not Prisma's upsert (a read, then an insert):
    // wrong PINs racing on a new scope, through one instance or several, must each count, not fail on the unique
    // index; and a row that loyalty.prune_records deletes meanwhile is inserted again, not missed.
    const [row] = await tx.$queryRaw<{ id: string; failedAttempts: number; lockedUntil: Date | null }[]>`
      INSERT INTO pin_lockouts (id, merchant_id, store_id, client_key, updated_at)
      VALUES (${newId()}::uuid, ${ctx.merchantId}::uuid, ${storeId}::uuid, ${clientKey}, ${ctx.clock.now()}::timestamptz)
      ON CONFLICT (store_id, client_key) DO UPDATE SET updated_at = EXCLUDED.updated_at
      RETURNING id, failed_attempts AS "failedAttempts", locked_until AS "lockedUntil"`;
    const next = afterFailedAttempt({
      ...row!,
      maxAttempts: pinMaxFailedAttempts,
      lockoutMinutes: pinLockoutMinutes,
      now: ctx.clock.now(),
    });
    await tx.pinLockout.update({ where: { id: row!.id }, data: { failedAttempts: next.failedAttempts, lockedUntil: next.lockedUntil } });
    return next;
  });
  return invalidError(outcome);
}

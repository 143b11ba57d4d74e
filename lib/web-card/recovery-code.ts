import "server-only";
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { getConfig } from "@/lib/config";

export const RECOVERY_CODE_VALID_MINUTES = 10;
export const RECOVERY_CODE_MAX_ATTEMPTS = 5;

/** Six random digits (leading zeros kept). */
export function newRecoveryCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/**
 * A keyed digest of a code, bound to its row: a copy of the table alone does
 * not let anyone try the million codes offline.
 */
export function hashRecoveryCode(codeId: string, code: string): string {
  return createHmac("sha256", getConfig().secrets.secretKey).update(`card-recovery\0${codeId}\0${code}`).digest("base64url");
}

/** Compares a typed code with a stored digest in constant time. */
export function recoveryCodeMatches(codeId: string, code: string, codeHash: string): boolean {
  const given = Buffer.from(hashRecoveryCode(codeId, code));
  const stored = Buffer.from(codeHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}

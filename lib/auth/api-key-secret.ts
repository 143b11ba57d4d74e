import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Merchant API keys: `lk_` + 32 random bytes. Only the SHA-256 is stored (the
 * key has 256 bits of entropy, so a fast hash is enough); the prefix is kept
 * to tell keys apart in the dashboard.
 */
export const API_KEY_PREFIX = "lk_";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function apiKeyDisplayPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 6);
}

export function generateApiKey(): { key: string; keyHash: string; prefix: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, keyHash: hashApiKey(key), prefix: apiKeyDisplayPrefix(key) };
}

import "server-only";
import argon2 from "argon2";

/**
 * argon2id at OWASP's recommended parameters (Password Storage Cheat Sheet:
 * m=19 MiB, t=2, p=1). Used for dashboard passwords and staff PINs alike.
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return argon2.hash(secret, ARGON2_OPTIONS);
}

/** False for a wrong secret or a malformed hash; never throws for those. */
export async function verifySecret(hash: string, secret: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, secret);
  } catch {
    return false;
  }
}

import "server-only";
import { hashOneTimeToken } from "@/lib/accounts/one-time-token";
import type { Clock } from "@/lib/clock";
import { db } from "@/lib/db";

export type PairingLinkState =
  | { status: "open"; storeName: string; merchantName: string; expiresAt: string }
  | { status: "used" }
  | { status: "expired" }
  /** No such link, or its store was archived meanwhile. */
  | { status: "invalid" };

/** What a pairing link can still do, for the page the tablet opens. */
export async function findPairingLink(token: string, clock: Clock): Promise<PairingLinkState> {
  if (!token || token.length > 200) return { status: "invalid" };
  const link = await db.devicePairingLink.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    include: { store: { select: { name: true, archivedAt: true } }, merchant: { select: { name: true } } },
  });
  if (!link || link.store.archivedAt) return { status: "invalid" };
  if (link.usedAt) return { status: "used" };
  if (link.expiresAt <= clock.now()) return { status: "expired" };
  return { status: "open", storeName: link.store.name, merchantName: link.merchant.name, expiresAt: link.expiresAt.toISOString() };
}

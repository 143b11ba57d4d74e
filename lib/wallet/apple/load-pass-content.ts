import "server-only";
import { getConfig } from "@/lib/config";
import { db, getDatabase } from "@/lib/db";
import { usesPoints, usesStamps } from "@/lib/domain/program-features";
import type { PassContent } from "./build-pass";

export type LoadedPass = {
  cardId: string;
  cardVersion: number;
  /** When anything the pass shows last changed: the card, its program or its merchant (Last-Modified, update tags). */
  modifiedAt: Date;
  /** Identifies this exact pass: a pass is cached under it and rebuilt only when it changes. */
  cacheKey: string;
  authToken: string;
  content: PassContent;
};

export type PassStamp = {
  cardId: string;
  cardVersion: number;
  modifiedAt: Date;
  cacheKey: string;
  authToken: string;
  lastFetchedAt: Date | null;
  lastFetchedVersion: number | null;
};

/**
 * What a device's pass request needs before the pass itself, in one query:
 * the token to check, the modification time for If-Modified-Since and the
 * cache key. A 304 or a cached pass needs nothing more from the database.
 */
export async function loadPassStamp(serialNumber: string): Promise<PassStamp | null> {
  // Through the driver, not Prisma: devices ask this on every push and poll, and Prisma's query layer would be most of its cost.
  const { rows } = await getDatabase().query<{
    id: string;
    version: number;
    token: string;
    modified: Date;
    fetched_at: Date | null;
    fetched_version: number | null;
  }>(
    `SELECT c.id, c.version, c.apple_auth_token AS token, GREATEST(c.updated_at, p.updated_at, m.updated_at) AS modified,
            c.apple_last_fetched_at AS fetched_at, c.apple_last_fetched_version AS fetched_version
     FROM cards c JOIN programs p ON p.id = c.program_id JOIN merchants m ON m.id = c.merchant_id
     WHERE c.apple_serial = $1`,
    [serialNumber],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    cardId: row.id,
    cardVersion: row.version,
    modifiedAt: row.modified,
    cacheKey: passCacheKey(serialNumber, row.version, row.modified),
    authToken: row.token,
    lastFetchedAt: row.fetched_at,
    lastFetchedVersion: row.fetched_version,
  };
}

export function passCacheKey(serialNumber: string, version: number, modifiedAt: Date): string {
  return `${serialNumber}:${version}:${modifiedAt.getTime()}`;
}

/** Everything a card's pass shows, found by its serial number (null when no card has it). */
export async function loadPassContent(serialNumber: string): Promise<LoadedPass | null> {
  const card = await db.card.findUnique({
    where: { appleSerial: serialNumber },
    select: {
      id: true,
      version: true,
      updatedAt: true,
      cardNumber: true,
      qrPayload: true,
      pageToken: true,
      stampCount: true,
      pointsBalance: true,
      appleSerial: true,
      appleAuthToken: true,
      customer: { select: { name: true, erasedAt: true } },
      merchant: { select: { name: true, updatedAt: true } },
      program: {
        select: {
          id: true,
          type: true,
          cardName: true,
          stampsTarget: true,
          stampsRewardDescription: true,
          backgroundColor: true,
          foregroundColor: true,
          labelColor: true,
          logo: true,
          logoMimeType: true,
          walletBarcode: true,
          updatedAt: true,
          rewards: { where: { active: true }, select: { pointsCost: true }, orderBy: { pointsCost: "asc" }, take: 1 },
        },
      },
    },
  });
  if (!card) return null;
  const { program } = card;
  const { publicUrl } = getConfig();
  const stamps = usesStamps(program.type) ? { count: card.stampCount, target: program.stampsTarget } : null;
  const points = usesPoints(program.type) ? card.pointsBalance : null;
  const cheapest = program.rewards[0];
  const rewardReady =
    (stamps !== null && stamps.count >= stamps.target) || (points !== null && cheapest !== undefined && points >= cheapest.pointsCost);
  const modifiedAt = new Date(Math.max(card.updatedAt.getTime(), program.updatedAt.getTime(), card.merchant.updatedAt.getTime()));
  const voided = card.customer.erasedAt !== null;
  const webCardUrl = `${publicUrl}/card/${card.pageToken}`;
  return {
    cardId: card.id,
    cardVersion: card.version,
    modifiedAt,
    cacheKey: passCacheKey(card.appleSerial, card.version, modifiedAt),
    authToken: card.appleAuthToken,
    content: {
      serialNumber: card.appleSerial,
      authenticationToken: card.appleAuthToken,
      webServiceURL: `${publicUrl}/api/v1/loyalty/apple`,
      organizationName: card.merchant.name,
      description: program.cardName,
      branding: {
        programKey: `${program.id}:${program.updatedAt.getTime()}`,
        cardName: program.cardName,
        backgroundColor: program.backgroundColor,
        foregroundColor: program.foregroundColor,
        labelColor: program.labelColor,
        logo: program.logo && program.logoMimeType ? { bytes: program.logo, mimeType: program.logoMimeType } : null,
      },
      stamps,
      points,
      rewardReady,
      rewardDescription: stamps ? (program.stampsRewardDescription ?? null) : null,
      customerName: voided ? null : card.customer.name,
      cardNumber: card.cardNumber,
      barcode: { message: card.qrPayload, format: program.walletBarcode },
      webCardUrl,
      privacyUrl: `${webCardUrl}#privacy`,
      voided,
    },
  };
}

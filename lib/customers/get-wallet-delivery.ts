import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import type { OutboxStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { googleWalletState } from "@/lib/wallet/google/google-wallet";
import type { ServiceContext } from "@/lib/service-context";

export const RECENT_DELIVERIES = 5;
const DEVICES_SHOWN = 20;

export type WalletDelivery = {
  /** The card's version: it increases on every change, and each wallet records the version it delivered. */
  cardVersion: number;
  apple: {
    configured: boolean;
    deliveredVersion: number | null;
    lastFetch: { at: Date; version: number | null } | null;
    devices: { deviceId: string; registeredAt: Date; lastPushAt: Date | null; lastPushResult: string | null }[];
  };
  google: {
    configured: boolean;
    objectId: string | null;
    deliveredVersion: number | null;
    lastPatch: { at: Date; result: string | null } | null;
  };
  /** The card's latest wallet update events, newest first. */
  deliveries: {
    type: string;
    status: OutboxStatus;
    attempts: number;
    nextAttemptAt: Date;
    lastError: string | null;
    deliveredAt: Date | null;
    createdAt: Date;
  }[];
};

/**
 * What is known about a card's passes, so a merchant can answer "why didn't
 * my pass update?": the Apple devices that registered it and their last
 * push, the last pass download, the Google object and its last patch, and
 * the card's latest outbox events (wallet updates are coalesced per card
 * under the key "card:<id>"; a program change queues Google patches under "google:<id>"). Every query is bounded by one card.
 */
export async function getWalletDelivery(ctx: ServiceContext, cardId: string): Promise<WalletDelivery> {
  const [card, devices, deliveries] = await Promise.all([
    db.card.findFirst({
      where: { id: cardId, merchantId: ctx.merchantId },
      select: {
        version: true,
        applePassVersion: true,
        appleLastFetchedAt: true,
        appleLastFetchedVersion: true,
        googleObjectId: true,
        googlePassVersion: true,
        googleLastPatchAt: true,
        googleLastPatchResult: true,
      },
    }),
    db.appleDeviceRegistration.findMany({
      where: { cardId, card: { merchantId: ctx.merchantId } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: DEVICES_SHOWN,
      select: { deviceLibraryIdentifier: true, createdAt: true, lastPushAt: true, lastPushResult: true },
    }),
    db.outboxEvent.findMany({
      where: { merchantId: ctx.merchantId, coalesceKey: { in: [`card:${cardId}`, `google:${cardId}`] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_DELIVERIES,
      select: { type: true, status: true, attempts: true, nextAttemptAt: true, lastError: true, deliveredAt: true, createdAt: true },
    }),
  ]);
  if (!card) throw new AppError("NOT_FOUND", {}, "No card with that id at this merchant.");
  const { apple } = getConfig();
  return {
    cardVersion: card.version,
    apple: {
      configured: Boolean(apple.passTypeId && apple.signerCertPath && apple.signerKeyPath),
      deliveredVersion: card.applePassVersion,
      lastFetch: card.appleLastFetchedAt ? { at: card.appleLastFetchedAt, version: card.appleLastFetchedVersion } : null,
      devices: devices.map((device) => ({
        deviceId: device.deviceLibraryIdentifier,
        registeredAt: device.createdAt,
        lastPushAt: device.lastPushAt,
        lastPushResult: device.lastPushResult,
      })),
    },
    google: {
      configured: googleWalletState().state === "ready",
      objectId: card.googleObjectId,
      deliveredVersion: card.googlePassVersion,
      lastPatch: card.googleLastPatchAt ? { at: card.googleLastPatchAt, result: card.googleLastPatchResult } : null,
    },
    deliveries,
  };
}

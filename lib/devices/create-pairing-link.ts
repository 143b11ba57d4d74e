import "server-only";
import { newOneTimeToken } from "@/lib/accounts/one-time-token";
import { recordAudit } from "@/lib/audit/record-audit";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import type { StoreIdInput } from "@/lib/stores/schemas";

/** Long enough to walk to the counter and scan, short enough that a photographed QR is soon useless. */
export const PAIRING_LINK_VALID_MS = 15 * 60_000;

export type PairingLink = { url: string; expiresAt: string };

/** A one-time link that pairs a tablet with one of the merchant's open stores. Only its hash is stored. */
export async function createPairingLink(ctx: ServiceContext, input: StoreIdInput): Promise<PairingLink> {
  const { token, tokenHash } = newOneTimeToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + PAIRING_LINK_VALID_MS);
  await db.$transaction(async (tx) => {
    const store = await tx.store.findFirst({ where: { id: input.storeId, merchantId: ctx.merchantId, archivedAt: null } });
    if (!store) throw new AppError("NOT_FOUND", { fieldErrors: { storeId: ["validation.storeNotFound"] } }, "No open store with this id.");
    const link = await tx.devicePairingLink.create({
      data: {
        merchantId: ctx.merchantId,
        storeId: store.id,
        tokenHash,
        createdByUserId: ctx.actor.type === "user" ? ctx.actor.userId : null,
        expiresAt,
        createdAt: now,
      },
    });
    await recordAudit(tx, ctx, {
      action: "device.pairing_link_created",
      targetType: "store",
      targetId: store.id,
      details: { pairingLinkId: link.id, expiresAt: expiresAt.toISOString() },
    });
  });
  return { url: `${getConfig().publicUrl}/counter/pair/${token}`, expiresAt: expiresAt.toISOString() };
}

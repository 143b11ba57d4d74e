"use server";

import { revalidatePath } from "next/cache";
import QRCode from "qrcode";
import { formValues } from "@/lib/actions/form-values";
import { merchantAction } from "@/lib/actions/merchant-action";
import { createPairingLink } from "@/lib/devices/create-pairing-link";
import { revokeDevice } from "@/lib/devices/revoke-device";
import { revokeDeviceInputSchema } from "@/lib/devices/schemas";
import { archiveStore } from "@/lib/stores/archive-store";
import { restoreStore } from "@/lib/stores/restore-store";
import { storeIdInputSchema, updateStoreInputSchema } from "@/lib/stores/schemas";
import { updateStore } from "@/lib/stores/update-store";

function revalidateStore(storeId: string) {
  revalidatePath("/dashboard/stores");
  revalidatePath(`/dashboard/stores/${storeId}`);
}

export const updateStoreAction = merchantAction(
  // An emptied address field clears the address.
  { schema: updateStoreInputSchema, fromForm: (form) => formValues(form, { keepEmpty: ["address"] }) },
  async (session, input) => {
    const store = await updateStore(session.ctx, input);
    revalidateStore(store.id);
    return store;
  },
);

export const archiveStoreAction = merchantAction({ schema: storeIdInputSchema }, async (session, input) => {
  const store = await archiveStore(session.ctx, input);
  revalidateStore(store.id);
  return store;
});

export const restoreStoreAction = merchantAction({ schema: storeIdInputSchema }, async (session, input) => {
  const store = await restoreStore(session.ctx, input);
  revalidateStore(store.id);
  return store;
});

export const createPairingLinkAction = merchantAction({ schema: storeIdInputSchema }, async (session, input) => {
  const link = await createPairingLink(session.ctx, input);
  const qrSvg = await QRCode.toString(link.url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { ...link, qrSvg };
});

export const revokeDeviceAction = merchantAction({ schema: revokeDeviceInputSchema }, async (session, input) => {
  await revokeDevice(session.ctx, input);
  revalidatePath(`/dashboard/stores/${input.storeId}`);
  return { deviceId: input.deviceId };
});

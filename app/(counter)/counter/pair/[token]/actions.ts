"use server";

import { cookies } from "next/headers";
import { publicAction } from "@/lib/actions/public-action";
import { systemClock } from "@/lib/clock";
import { COUNTER_DEVICE_COOKIE, counterDeviceCookieOptions } from "@/lib/devices/device-credential";
import { pairDevice } from "@/lib/devices/pair-device";
import { pairDeviceInputSchema } from "@/lib/devices/schemas";

export const pairDeviceAction = publicAction({ schema: pairDeviceInputSchema }, async (input, request) => {
  const paired = await pairDevice(input, systemClock, { ip: request.clientKey, userAgent: request.userAgent });
  // The credential goes to the tablet's cookie only, never into the page.
  (await cookies()).set(COUNTER_DEVICE_COOKIE, paired.credential, counterDeviceCookieOptions());
  return { deviceName: paired.deviceName, storeName: paired.storeName, merchantName: paired.merchantName };
});

import "server-only";
import type { CounterDeviceIdentity } from "@/lib/devices/device-credential";
import type { Clock } from "@/lib/clock";
import type { RequestInfo, ServiceContext } from "@/lib/service-context";

/** The service context of a paired tablet: its merchant, acting as the device. */
export function counterDeviceContext(device: CounterDeviceIdentity, clock: Clock, request?: RequestInfo): ServiceContext {
  return { merchantId: device.merchantId, actor: { type: "device", deviceId: device.id }, clock, request };
}

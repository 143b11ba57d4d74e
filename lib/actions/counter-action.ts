import "server-only";
import { getTranslations } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { systemClock } from "@/lib/clock";
import { checkStaffSession, type ActiveStaffSession } from "@/lib/counter/check-staff-session";
import { counterDeviceContext } from "@/lib/counter/counter-device-context";
import { COUNTER_STAFF_COOKIE } from "@/lib/counter/staff-session-credential";
import { COUNTER_DEVICE_COOKIE, findDeviceByCredential, type CounterDeviceIdentity } from "@/lib/devices/device-credential";
import { AppError, isAppError, type ErrorCode } from "@/lib/errors";
import { translateFieldErrors } from "@/lib/i18n/translate-field-errors";
import { zodIssueKey } from "@/lib/i18n/zod-issue-key";
import { logger } from "@/lib/logger";
import { actionRequestId } from "./action-request-id";
import type { ServiceContext } from "@/lib/service-context";
import { clientAddress } from "@/lib/http/client-address";

/** A counter action's answer: ActionResult plus what the screen needs to explain a refusal (next stamp time, attempts left). */
export type CounterActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; extra?: Record<string, unknown> };

export type CounterActionArgs = { device: CounterDeviceIdentity; ctx: ServiceContext; session: ActiveStaffSession | null };

/**
 * A server action of a paired counter tablet: the device cookie names a paired, unrevoked device
 * (its merchant and store scope everything); a suspended merchant or an archived store changes
 * nothing; with `staffSession`, the staff session cookie must name an open session of this
 * device, within its timeouts (checked, and its idle timer restarted, on every call). Input is
 * parsed with zod; errors come back in the person's language with their details.
 */
export function counterAction<Schema extends z.ZodType, T>(
  options: { schema: Schema; staffSession: boolean },
  run: (args: CounterActionArgs, input: z.output<Schema>) => Promise<T>,
): (input: unknown) => Promise<CounterActionResult<T>> {
  return async (raw) => {
    const t = await getTranslations();
    const translate = (key: string, values?: Record<string, string | number>) =>
      (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
    const fail = (error: AppError): CounterActionResult<T> => ({
      ok: false,
      code: error.code,
      message: translate(`errors.${error.code}`, { minutes: Math.ceil((error.details.retryAfter ?? 60) / 60) }),
      fieldErrors: translateFieldErrors(error.details.fieldErrors, translate),
      extra: error.details.extra,
    });
    try {
      const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
      const device = await findDeviceByCredential(cookieStore.get(COUNTER_DEVICE_COOKIE)?.value, systemClock.now());
      if (!device) return fail(new AppError("UNAUTHENTICATED", { extra: { device: "unpaired" } }));
      if (device.merchant.status === "suspended") return fail(new AppError("MERCHANT_SUSPENDED"));
      if (device.store.archived) return fail(new AppError("NOT_FOUND", { extra: { store: "archived" } }));
      const ip = clientAddress((name) => headerList.get(name));
      const ctx = counterDeviceContext(device, systemClock, { ip, userAgent: headerList.get("user-agent") });
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".") || "form"] ??= []).push(zodIssueKey(issue));
        return fail(new AppError("VALIDATION_FAILED", { fieldErrors }));
      }
      let session: ActiveStaffSession | null = null;
      if (options.staffSession) {
        session = await checkStaffSession(device, cookieStore.get(COUNTER_STAFF_COOKIE)?.value, systemClock);
        if (!session) return fail(new AppError("UNAUTHENTICATED", { extra: { staffSession: "required" } }));
      }
      return { ok: true, data: await run({ device, ctx, session }, parsed.data as z.output<Schema>) };
    } catch (error) {
      unstable_rethrow(error);
      if (isAppError(error)) return fail(error);
      logger.error("action.unexpected_error", { requestId: await actionRequestId(), error });
      return fail(new AppError("INTERNAL_ERROR"));
    }
  };
}

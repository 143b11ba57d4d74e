import "server-only";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requirePlatformAdmin, type AdminSession } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { translateFieldErrors } from "@/lib/i18n/translate-field-errors";
import { zodIssueKey } from "@/lib/i18n/zod-issue-key";
import { logger } from "@/lib/logger";
import { actionRequestId } from "./action-request-id";
import type { ActionResult } from "./action-result";
import { formValues } from "./form-values";
import { clientAddress } from "@/lib/http/client-address";

/**
 * An admin console server action: a signed-in platform admin only (anyone
 * else is refused), the form parsed with zod, the service run with an
 * AdminContext (with the client's address, for the audit log), and one
 * ActionResult in the person's language.
 */
export function adminAction<Schema extends z.ZodType, T>(
  options: { schema: Schema; fromForm?: (form: FormData) => unknown },
  run: (session: AdminSession, input: z.output<Schema>) => Promise<T>,
): (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>> {
  return async (_previous, form) => {
    const t = await getTranslations();
    const translate = (key: string, values?: Record<string, string | number>) =>
      (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
    const fail = (error: AppError): ActionResult<T> => ({
      ok: false,
      code: error.code,
      message: translate(`errors.${error.code}`, { minutes: Math.ceil((error.details.retryAfter ?? 60) / 60) }),
      fieldErrors: translateFieldErrors(error.details.fieldErrors, translate),
    });
    try {
      const session = await requirePlatformAdmin();
      const parsed = options.schema.safeParse(options.fromForm ? options.fromForm(form) : formValues(form));
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".") || "form"] ??= []).push(zodIssueKey(issue));
        return fail(new AppError("VALIDATION_FAILED", { fieldErrors }));
      }
      const headerList = await headers();
      const ip = clientAddress((name) => headerList.get(name));
      const withRequest: AdminSession = { ...session, ctx: { ...session.ctx, request: { ip, userAgent: headerList.get("user-agent") } } };
      return { ok: true, data: await run(withRequest, parsed.data as z.output<Schema>) };
    } catch (error) {
      unstable_rethrow(error); // forbidden() and redirect() are Next's control flow
      if (isAppError(error)) return fail(error);
      logger.error("action.unexpected_error", { requestId: await actionRequestId(), error });
      return fail(new AppError("INTERNAL_ERROR"));
    }
  };
}

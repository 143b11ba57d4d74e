import "server-only";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { translateFieldErrors } from "@/lib/i18n/translate-field-errors";
import { zodIssueKey } from "@/lib/i18n/zod-issue-key";
import { logger } from "@/lib/logger";
import { actionRequestId } from "./action-request-id";
import type { ActionResult } from "./action-result";
import { formValues } from "./form-values";
import { clientAddress } from "@/lib/http/client-address";

export type PublicRequest = { clientKey: string; userAgent: string | null };

/** An action anyone may call (sign up, password reset, invitations): the same parsing and answers as merchantAction. */
export function publicAction<Schema extends z.ZodType, T>(
  options: { schema: Schema; fromForm?: (form: FormData) => unknown },
  run: (input: z.output<Schema>, request: PublicRequest) => Promise<T>,
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
      retryAfter: error.details.retryAfter,
    });
    try {
      const parsed = options.schema.safeParse(options.fromForm ? options.fromForm(form) : formValues(form));
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".") || "form"] ??= []).push(zodIssueKey(issue));
        return fail(new AppError("VALIDATION_FAILED", { fieldErrors }));
      }
      const headerList = await headers();
      const clientKey = clientAddress((name) => headerList.get(name)) ?? "unknown";
      return { ok: true, data: await run(parsed.data as z.output<Schema>, { clientKey, userAgent: headerList.get("user-agent") }) };
    } catch (error) {
      unstable_rethrow(error);
      if (isAppError(error)) return fail(error);
      logger.error("action.unexpected_error", { requestId: await actionRequestId(), error });
      return fail(new AppError("INTERNAL_ERROR"));
    }
  };
}

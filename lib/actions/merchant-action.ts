import "server-only";
import { getTranslations } from "next-intl/server";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requireMerchantUser, type MerchantSession } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { zodIssueKey } from "@/lib/i18n/zod-issue-key";
import { translateFieldErrors } from "@/lib/i18n/translate-field-errors";
import { logger } from "@/lib/logger";
import { actionRequestId } from "./action-request-id";
import type { ActionResult } from "./action-result";
import { formValues } from "./form-values";

type Options<Schema extends z.ZodType> = {
  schema: Schema;
  /** How the form's fields become the schema's input (default: formValues with no conversions). */
  fromForm?: (form: FormData) => unknown;
  /** API keys, managers and merchant settings: the owner only. */
  ownerOnly?: boolean;
};

/**
 * A dashboard server action: checks the session (and the role), refuses
 * changes while the merchant is suspended, parses the form with the same zod
 * schema as the API, runs the service, and answers one ActionResult with the
 * message and each field's error in the person's language. Unexpected errors
 * are logged and answered generically.
 */
export function merchantAction<Schema extends z.ZodType, T>(
  options: Options<Schema>,
  run: (session: MerchantSession, input: z.output<Schema>) => Promise<T>,
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
      const session = await requireMerchantUser();
      if (options.ownerOnly && session.role !== "owner") return fail(new AppError("FORBIDDEN"));
      if (session.merchant.status === "suspended") return fail(new AppError("MERCHANT_SUSPENDED"));
      const parsed = options.schema.safeParse(options.fromForm ? options.fromForm(form) : formValues(form));
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path.map(String).join(".") || "form";
          (fieldErrors[field] ??= []).push(zodIssueKey(issue));
        }
        return fail(new AppError("VALIDATION_FAILED", { fieldErrors }));
      }
      return { ok: true, data: await run(session, parsed.data as z.output<Schema>) };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are Next's control flow, not errors
      if (isAppError(error)) return fail(error);
      logger.error("action.unexpected_error", { requestId: await actionRequestId(), error });
      return fail(new AppError("INTERNAL_ERROR"));
    }
  };
}

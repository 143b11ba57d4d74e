"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Section } from "@/components/dashboard/section";
import { FieldErrors } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type FormAction<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

type LogoFormProps<U, R> = {
  uploadAction: FormAction<U>;
  removeAction: FormAction<R>;
  logoUrl: string | null;
  maxBytes: number;
};

/**
 * Uploads or removes the logo at once (it is not part of the program form).
 * The server checks the file's bytes; here only the size is checked first,
 * because a file over the limit would not even reach the server.
 */
export function LogoForm<U, R>({ uploadAction, removeAction, logoUrl, maxBytes }: LogoFormProps<U, R>) {
  const t = useTranslations("dashboard.program.logo");
  const tv = useTranslations("validation");
  const fileInput = useRef<HTMLInputElement>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const upload = useFormAction(uploadAction, () => setTooLarge(false));
  const remove = useFormAction(removeAction);
  const [lastDone, setLastDone] = useState<"upload" | "remove" | null>(null);

  // Once uploaded, the file is the current logo: clear the picker for the next one.
  useEffect(() => {
    if (upload.state?.ok && fileInput.current) fileInput.current.value = "";
  }, [upload.state]);

  const onUpload = (event: FormEvent<HTMLFormElement>) => {
    const file = fileInput.current?.files?.[0];
    if (file && file.size > maxBytes) {
      event.preventDefault();
      setTooLarge(true);
      return;
    }
    setLastDone("upload");
    upload.onSubmit(event);
  };
  const errors = tooLarge ? [tv("logoSize", { maxKb: maxBytes / 1024 })] : upload.fieldErrors?.logo;
  const last = (lastDone === "upload" ? upload.state : remove.state) ?? null;

  return (
    <Section id="program-logo" title={t("title")} description={t("description")}>
      <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
        <div
          className="flex h-28 w-full shrink-0 items-center justify-center rounded-lg border border-dashed border-stone-300 bg-[conic-gradient(#f5f5f4_25%,#ffffff_0_50%,#f5f5f4_0_75%,#ffffff_0)] bg-[length:16px_16px] p-3 sm:w-44"
          data-testid="logo-current"
        >
          {logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- our own route serves the stored bytes
            <img src={logoUrl} alt={t("current")} className="max-h-full max-w-full object-contain" />
          ) : (
            <p className="px-2 text-center text-sm text-stone-500">{t("none")}</p>
          )}
        </div>
        <div className="min-w-0 flex-1 space-y-3">
          <form id="logo-upload-form" onSubmit={onUpload} noValidate>
            <div>
              <label htmlFor="field-logo" className="block text-sm font-medium text-stone-800">
                {t("field")}
              </label>
              <input
                ref={fileInput}
                id="field-logo"
                name="logo"
                type="file"
                accept="image/png,image/jpeg"
                onChange={() => setTooLarge(false)}
                aria-invalid={errors?.length ? true : undefined}
                aria-describedby={["field-logo-hint", errors?.length ? "field-logo-error" : ""].filter(Boolean).join(" ")}
                className="mt-1 block w-full text-sm text-stone-700 file:mr-3 file:rounded-lg file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:font-medium file:text-stone-900 hover:file:bg-stone-100"
              />
              <p id="field-logo-hint" className="mt-1 text-sm text-stone-600">
                {t("rules")}
              </p>
              <FieldErrors id="field-logo-error" errors={errors} />
            </div>
          </form>
          <div className="flex flex-wrap items-center gap-3">
            <SubmitButton form="logo-upload-form" pending={upload.pending} pendingLabel={t("uploading")}>
              {t("upload")}
            </SubmitButton>
            {logoUrl ? (
              <form
                onSubmit={(event) => {
                  setLastDone("remove");
                  remove.onSubmit(event);
                }}
              >
                <SubmitButton variant="secondary" pending={remove.pending} pendingLabel={t("removing")}>
                  {t("remove")}
                </SubmitButton>
              </form>
            ) : null}
          </div>
          <div aria-live="polite">
            {last && !last.ok && !last.fieldErrors ? <FormMessage kind="error">{last.message}</FormMessage> : null}
            {last?.ok ? <FormMessage kind="success">{lastDone === "upload" ? t("uploaded") : t("removed")}</FormMessage> : null}
          </div>
        </div>
      </div>
    </Section>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useId, useRef, useState } from "react";
import { Field, FieldErrors, inputClassName } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { answeredOrLost, useFormAction, type FormAction } from "@/components/forms/use-form-action";
import type { CampaignPreview } from "@/lib/campaigns/preview-campaign";
import type { SentCampaign } from "@/lib/campaigns/send-campaign";

type Props = {
  previewAction: FormAction<CampaignPreview>;
  sendAction: FormAction<SentCampaign>;
  segments: { value: string; label: string }[];
};

/**
 * Compose, preview, send: the preview shows the email as customers will get it and how many will, and only the
 * campaign just previewed can be sent (any change asks for a new preview), so the count the merchant saw is the
 * one they send to.
 */
export function CampaignForm({ previewAction, sendAction, segments }: Props) {
  const t = useTranslations("dashboard.campaigns");
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState({ subject: "", message: "", segment: segments[0]?.value ?? "all_consented" });
  const [previewed, setPreviewed] = useState<string | null>(null);
  // One key per preview: sending again after a lost answer is the same send, which the server answers once.
  const [sendKey, setSendKey] = useState<string | null>(null);
  const preview = useFormAction(previewAction, (data) => {
    setPreviewed(JSON.stringify(Object.fromEntries(data)));
    setSendKey(crypto.randomUUID());
  });
  const [sent, send, sending] = useActionState(answeredOrLost(sendAction, t("unanswered")), null);
  // The campaign last sent: once sent, the same campaign is not offered for sending again.
  const [sentDraft, setSentDraft] = useState<string | null>(null);
  const messageId = useId();
  const current = JSON.stringify(draft);
  const shown = preview.state?.ok ? preview.state.data : null;
  const upToDate = shown !== null && previewed === current;
  const errors = preview.fieldErrors ?? (sent && !sent.ok ? sent.fieldErrors : undefined);
  const change = (name: keyof typeof draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value });

  const onSend = () => {
    if (!form.current) return;
    const data = new FormData(form.current);
    if (sendKey) data.set("idempotencyKey", sendKey);
    setSentDraft(current);
    startTransition(() => send(data));
  };

  return (
    <div className="space-y-6">
      <form ref={form} onSubmit={preview.onSubmit} noValidate className="space-y-5">
        <Field
          label={t("subject")}
          name="subject"
          maxLength={120}
          hint={t("subjectHint")}
          value={draft.subject}
          onChange={change("subject")}
          errors={errors?.subject}
        />
        <div>
          <label htmlFor={messageId} className="block text-sm font-medium text-stone-800">
            {t("message")}
          </label>
          <textarea
            id={messageId}
            name="message"
            rows={8}
            maxLength={5000}
            value={draft.message}
            onChange={change("message")}
            aria-describedby={`${messageId}-hint`}
            aria-invalid={errors?.message?.length ? true : undefined}
            className={inputClassName}
          />
          <p id={`${messageId}-hint`} className="mt-1 text-sm text-stone-600">
            {t("messageHint")}
          </p>
          <FieldErrors errors={errors?.message} />
        </div>
        <fieldset>
          <legend className="block text-sm font-medium text-stone-800">{t("segment")}</legend>
          <div className="mt-2 space-y-2">
            {segments.map((segment) => (
              <label key={segment.value} className="flex items-center gap-2 text-sm text-stone-800">
                <input
                  type="radio"
                  name="segment"
                  value={segment.value}
                  checked={draft.segment === segment.value}
                  onChange={change("segment")}
                  className="h-4 w-4 accent-brand-700"
                />
                {segment.label}
              </label>
            ))}
          </div>
          <FieldErrors errors={errors?.segment} />
        </fieldset>
        <SubmitButton variant="secondary" pending={preview.pending} pendingLabel={t("previewing")}>
          {t("preview")}
        </SubmitButton>
        {preview.state && !preview.state.ok ? <FormMessage kind="error">{preview.state.message}</FormMessage> : null}
      </form>

      <div aria-live="polite" className="space-y-4">
        {shown ? (
          <section aria-label={t("previewTitle")} className="space-y-4">
            <p className="text-sm font-medium text-stone-900">{t("previewSubject", { subject: shown.subject })}</p>
            <iframe
              title={t("previewTitle")}
              srcDoc={shown.html}
              sandbox=""
              className="h-[32rem] w-full rounded-lg border border-stone-200 bg-stone-100"
            />
            <p className="text-sm font-semibold text-stone-900">{t("recipients", { count: shown.recipients })}</p>
            {upToDate ? (
              shown.recipients > 0 && !(sent?.ok && sentDraft === current) ? (
                <button
                  type="button"
                  onClick={onSend}
                  disabled={sending}
                  className="inline-flex items-center justify-center rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white transition-colors hover:bg-brand-900 disabled:bg-brand-500"
                >
                  {sending ? t("sending") : t("send", { count: shown.recipients })}
                </button>
              ) : null
            ) : (
              <FormMessage kind="info">{t("changed")}</FormMessage>
            )}
          </section>
        ) : null}
        {sent?.ok ? (
          <FormMessage kind="success">{t("sent", { count: sent.data.recipients, minutes: sent.data.minutes })}</FormMessage>
        ) : null}
        {sent && !sent.ok ? <FormMessage kind="error">{sent.message}</FormMessage> : null}
      </div>
    </div>
  );
}

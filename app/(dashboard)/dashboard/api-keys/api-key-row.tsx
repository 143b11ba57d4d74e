"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Action = (previous: ActionResult<void> | null, form: FormData) => Promise<ActionResult<void>>;

export type ApiKeyRowData = {
  id: string;
  name: string;
  prefix: string;
  createdBy: string;
  created: string;
  lastUsed: string;
  /** When the key was revoked, formatted; null while it works. */
  revoked: string | null;
};

const COLUMNS = 7;
const LINK_BUTTON = "font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900";

/** One key of the table; renaming and revoking open a panel in a row of their own under it. */
export function ApiKeyRow({ apiKey, renameAction, revokeAction }: { apiKey: ApiKeyRowData; renameAction: Action; revokeAction: Action }) {
  const t = useTranslations("dashboard.apiKeys");
  const [panel, setPanel] = useState<"rename" | "revoke" | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setPanel(null);
    renameButton.current?.focus();
  };
  return (
    <>
      <tr className={apiKey.revoked ? "text-stone-500" : ""}>
        <th scope="row" className="px-5 py-3 font-semibold text-stone-900 sm:px-6">
          {apiKey.name}
        </th>
        <td className="px-3 py-3 font-mono whitespace-nowrap">{apiKey.prefix}…</td>
        <td className="px-3 py-3">{apiKey.createdBy}</td>
        <td className="px-3 py-3 whitespace-nowrap">{apiKey.created}</td>
        <td className="px-3 py-3 whitespace-nowrap">{apiKey.lastUsed}</td>
        <td className="px-3 py-3">
          {apiKey.revoked ? (
            <>
              <span className="inline-block rounded-md bg-stone-100 px-2 py-0.5 text-xs font-semibold text-stone-700 ring-1 ring-stone-300">
                {t("status.revoked")}
              </span>
              <span className="mt-1 block text-xs whitespace-nowrap">{apiKey.revoked}</span>
            </>
          ) : (
            <span className="inline-block rounded-md bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-900 ring-1 ring-emerald-200">
              {t("status.active")}
            </span>
          )}
        </td>
        <td className="px-5 py-3 sm:px-6">
          {apiKey.revoked ? null : (
            <div className="flex justify-end gap-4 whitespace-nowrap">
              <button
                ref={renameButton}
                type="button"
                aria-expanded={panel === "rename"}
                onClick={() => setPanel(panel === "rename" ? null : "rename")}
                className={LINK_BUTTON}
              >
                {t("rename.open")}
                <span className="sr-only"> {apiKey.name}</span>
              </button>
              <button
                type="button"
                aria-expanded={panel === "revoke"}
                onClick={() => setPanel(panel === "revoke" ? null : "revoke")}
                className="font-semibold text-red-700 underline underline-offset-2 hover:text-red-900"
              >
                {t("revoke.open")}
                <span className="sr-only"> {apiKey.name}</span>
              </button>
            </div>
          )}
        </td>
      </tr>
      {panel && !apiKey.revoked ? (
        <tr>
          <td colSpan={COLUMNS} className="bg-stone-50 px-5 py-4 sm:px-6">
            {panel === "rename" ? (
              <RenameForm apiKey={apiKey} action={renameAction} onClose={close} />
            ) : (
              <RevokeForm apiKey={apiKey} action={revokeAction} onClose={close} />
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function RenameForm({ apiKey, action, onClose }: { apiKey: ApiKeyRowData; action: Action; onClose: () => void }) {
  const t = useTranslations("dashboard.apiKeys");
  const tForms = useTranslations("forms");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  useEffect(() => {
    if (state?.ok) onClose();
  }, [state, onClose]);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
      {state && !state.ok && !fieldErrors?.name ? (
        <div className="w-full">
          <FormMessage kind="error">{state.message}</FormMessage>
        </div>
      ) : null}
      <input type="hidden" name="apiKeyId" value={apiKey.id} />
      <Field
        autoFocus
        id={`rename-${apiKey.id}`}
        label={t("rename.label", { name: apiKey.name })}
        name="name"
        defaultValue={apiKey.name}
        autoComplete="off"
        required
        maxLength={80}
        errors={fieldErrors?.name}
        className="w-full max-w-md"
      />
      <div className="flex gap-3 sm:mt-6">
        <SubmitButton pending={pending} pendingLabel={tForms("saving")}>
          {t("rename.submit")}
        </SubmitButton>
        <button
          type="button"
          onClick={onClose}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-semibold text-stone-900 hover:bg-stone-100"
        >
          {tForms("cancel")}
        </button>
      </div>
    </form>
  );
}

function RevokeForm({ apiKey, action, onClose }: { apiKey: ApiKeyRowData; action: Action; onClose: () => void }) {
  const t = useTranslations("dashboard.apiKeys");
  const tForms = useTranslations("forms");
  const { state, onSubmit, pending } = useFormAction(action);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="apiKeyId" value={apiKey.id} />
      <p ref={question} tabIndex={-1} className="max-w-2xl font-medium text-red-950 focus:outline-none">
        {t("revoke.confirm", { name: apiKey.name })}
      </p>
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <div className="flex flex-wrap gap-3">
        <SubmitButton variant="danger" pending={pending} pendingLabel={t("revoke.pending")}>
          {t("revoke.submit")}
        </SubmitButton>
        <button
          type="button"
          onClick={onClose}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-semibold text-stone-900 hover:bg-stone-100"
        >
          {tForms("cancel")}
        </button>
      </div>
    </form>
  );
}

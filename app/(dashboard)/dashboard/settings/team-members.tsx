"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { stackedTable as st } from "./stacked-table";
import { useRowAction, type RowAction } from "./use-row-action";

export type TeamMemberRow = { id: string; name: string | null; email: string; role: "owner" | "manager"; lastLogin: string | null };

/** The owner and the managers; the owner may remove a manager after confirming. */
export function TeamMembers({ members, removeAction }: { members: TeamMemberRow[]; removeAction: RowAction<null> }) {
  const t = useTranslations("dashboard.settings.team");
  const tr = useTranslations("dashboard.roles");
  const { run, notice, busyRow } = useRowAction();
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <div aria-live="polite">{notice ? <FormMessage kind={notice.kind}>{notice.text}</FormMessage> : null}</div>
      <table className={st.table}>
        <caption className="sr-only">{t("membersCaption")}</caption>
        <thead className={st.thead}>
          <tr>
            <th scope="col" className={st.th}>
              {t("name")}
            </th>
            <th scope="col" className={st.th}>
              {t("email")}
            </th>
            <th scope="col" className={st.th}>
              {t("role")}
            </th>
            <th scope="col" className={st.th}>
              {t("lastLogin")}
            </th>
            <th scope="col" className={st.th}>
              <span className="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className={st.tbody}>
          {members.map((member) => {
            const name = member.name ?? member.email;
            return (
              <tr key={member.id} className={st.tr}>
                <th scope="row" className={`${st.cell} font-medium text-stone-900`}>
                  {name}
                </th>
                <td className={`${st.cell} break-words text-stone-700`}>
                  <span className={st.label}>{t("email")}:</span>
                  {member.email}
                </td>
                <td className={st.cell}>
                  <span className={st.label}>{t("role")}:</span>
                  <span
                    className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${member.role === "owner" ? "bg-brand-100 text-brand-900" : "bg-stone-100 text-stone-800"}`}
                  >
                    {tr(member.role)}
                  </span>
                </td>
                <td className={`${st.cell} text-stone-700`}>
                  <span className={st.label}>{t("lastLogin")}:</span>
                  {member.lastLogin ?? t("neverLoggedIn")}
                </td>
                <td className={`${st.cell} pt-2 md:pr-0 md:text-right`}>
                  {member.role === "manager" ? (
                    confirming === member.id ? (
                      <ConfirmRemoval
                        question={t("removeQuestion", { name })}
                        confirmLabel={t("removeConfirm")}
                        cancelLabel={t("removeCancel")}
                        pending={busyRow === member.id}
                        pendingLabel={t("removing")}
                        onConfirm={() => run(member.id, removeAction, { userId: member.id }, () => t("removed", { name }))}
                        onCancel={() => {
                          setConfirming(null);
                          requestAnimationFrame(() => document.getElementById(`remove-${member.id}`)?.focus());
                        }}
                      />
                    ) : (
                      <button
                        id={`remove-${member.id}`}
                        type="button"
                        onClick={() => setConfirming(member.id)}
                        aria-label={t("removeLabel", { name })}
                        className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
                      >
                        {t("remove")}
                      </button>
                    )
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type ConfirmRemovalProps = {
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  pending: boolean;
  pendingLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/** An inline "are you sure?": focus lands on the confirming button; Escape or Cancel step back. */
function ConfirmRemoval({ question, confirmLabel, cancelLabel, pending, pendingLabel, onConfirm, onCancel }: ConfirmRemovalProps) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div
      role="group"
      aria-label={question}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !pending) onCancel();
      }}
      className="max-w-xs space-y-2 md:ml-auto rounded-lg border border-red-200 bg-red-50 p-3 text-left"
    >
      <p className="text-sm text-red-950">{question}</p>
      <div className="flex flex-wrap gap-2">
        <button
          ref={confirm}
          type="button"
          onClick={onConfirm}
          disabled={pending}
          className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-70"
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button
          type="button"
          onClick={onCancel}
          disabled={pending}
          className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100"
        >
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}

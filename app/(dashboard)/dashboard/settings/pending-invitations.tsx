"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { stackedTable as st } from "./stacked-table";
import { useRowAction, type RowAction } from "./use-row-action";

export type InvitationRow = { id: string; email: string; sent: string; expires: string };

type PendingInvitationsProps = {
  invitations: InvitationRow[];
  resendAction: RowAction<{ email: string }>;
  cancelAction: RowAction<null>;
};

/** Invitations not accepted yet: send again (a new link, a new week) or cancel. */
export function PendingInvitations({ invitations, resendAction, cancelAction }: PendingInvitationsProps) {
  const t = useTranslations("dashboard.settings.invitations");
  const { run, notice, busyRow } = useRowAction();
  return (
    <div className="space-y-3">
      <div aria-live="polite">{notice ? <FormMessage kind={notice.kind}>{notice.text}</FormMessage> : null}</div>
      {invitations.length === 0 ? (
        <p className="text-sm text-stone-600">{t("none")}</p>
      ) : (
        <table className={st.table}>
          <caption className="sr-only">{t("caption")}</caption>
          <thead className={st.thead}>
            <tr>
              <th scope="col" className={st.th}>
                {t("email")}
              </th>
              <th scope="col" className={st.th}>
                {t("sent")}
              </th>
              <th scope="col" className={st.th}>
                {t("expires")}
              </th>
              <th scope="col" className={st.th}>
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody className={st.tbody}>
            {invitations.map((invitation) => {
              const busy = busyRow?.endsWith(invitation.id) ?? false;
              return (
                <tr key={invitation.id} className={st.tr}>
                  <th scope="row" className={`${st.cell} font-medium break-words text-stone-900`}>
                    {invitation.email}
                  </th>
                  <td className={`${st.cell} text-stone-700`}>
                    <span className={st.label}>{t("sent")}:</span>
                    {invitation.sent}
                  </td>
                  <td className={`${st.cell} text-stone-700`}>
                    <span className={st.label}>{t("expires")}:</span>
                    {invitation.expires}
                  </td>
                  <td className={`${st.cell} pt-2 md:pr-0`}>
                    <div className="flex flex-wrap gap-2 md:justify-end">
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={t("resendLabel", { email: invitation.email })}
                        onClick={() =>
                          run(`resend:${invitation.id}`, resendAction, { invitationId: invitation.id }, (data) =>
                            t("resent", { email: data.email }),
                          )
                        }
                        className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100 disabled:opacity-70"
                      >
                        {busyRow === `resend:${invitation.id}` ? t("resending") : t("resend")}
                      </button>
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={t("cancelLabel", { email: invitation.email })}
                        onClick={() =>
                          run(`cancel:${invitation.id}`, cancelAction, { invitationId: invitation.id }, () =>
                            t("cancelled", { email: invitation.email }),
                          )
                        }
                        className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-70"
                      >
                        {busyRow === `cancel:${invitation.id}` ? t("cancelling") : t("cancel")}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
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
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("email")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("sent")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("expires")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {invitations.map((invitation) => {
                const busy = busyRow?.endsWith(invitation.id) ?? false;
                return (
                  <tr key={invitation.id}>
                    <th scope="row" className="py-3 pr-4 font-medium break-all text-stone-900">
                      {invitation.email}
                    </th>
                    <td className="py-3 pr-4 text-stone-700">{invitation.sent}</td>
                    <td className="py-3 pr-4 text-stone-700">{invitation.expires}</td>
                    <td className="py-3">
                      <div className="flex flex-wrap justify-end gap-2">
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
        </div>
      )}
    </div>
  );
}

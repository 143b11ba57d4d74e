import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requireOwner } from "@/lib/auth/session";
import { createApiKeyAction, renameApiKeyAction, revokeApiKeyAction } from "./actions";
import { ApiKeyRow, type ApiKeyRowData } from "./api-key-row";
import { CreateApiKeySection } from "./create-api-key-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.apiKeys"))("title") };
}

/** The owner's page (a manager gets the 403 page): keys for the merchant's own software to use the vendor API. */
export default async function ApiKeysPage() {
  const session = await requireOwner();
  const [t, format, keys] = await Promise.all([getTranslations("dashboard.apiKeys"), getFormatter(), listApiKeys(session.ctx)]);
  const timeZone = session.merchant.timeZone;
  const dateTime = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone });
  // Keys in use first, newest first within each group (the service lists newest first).
  const rows: ApiKeyRowData[] = [...keys.filter((key) => !key.revokedAt), ...keys.filter((key) => key.revokedAt)].map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdBy: key.createdBy ?? "—",
    created: dateTime(key.createdAt),
    lastUsed: key.lastUsedAt ? dateTime(key.lastUsedAt) : t("never"),
    revoked: key.revokedAt ? dateTime(key.revokedAt) : null,
  }));

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t.rich("description", {
          link: (chunks) => (
            <Link href="/docs/api" className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900">
              {chunks}
            </Link>
          ),
        })}
      />
      <div className="space-y-6">
        <Section id="create-key" title={t("create.title")} description={t("create.description")}>
          <CreateApiKeySection action={createApiKeyAction} />
        </Section>
        <Section id="keys" title={t("list.title")} description={t("list.description")}>
          {rows.length === 0 ? (
            <p className="text-stone-700">{t("list.empty")}</p>
          ) : (
            // relative: the cells' screen-reader-only text stays inside this scroll box, so a phone's page does not scroll sideways.
            <div className="relative -mx-5 overflow-x-auto sm:-mx-6">
              <table className="w-full min-w-[48rem] text-left text-sm">
                <thead className="border-b border-stone-200 whitespace-nowrap text-stone-600">
                  <tr>
                    <th scope="col" className="px-5 py-2 font-medium sm:px-6">
                      {t("columns.name")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("columns.prefix")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("columns.createdBy")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("columns.created")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("columns.lastUsed")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("columns.status")}
                    </th>
                    <th scope="col" className="px-5 py-2 font-medium sm:px-6">
                      <span className="sr-only">{t("columns.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {rows.map((row) => (
                    <ApiKeyRow key={row.id} apiKey={row} renameAction={renameApiKeyAction} revokeAction={revokeApiKeyAction} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { requireMerchantUser } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { CAMPAIGN_SEGMENTS } from "@/lib/campaigns/schemas";
import { previewCampaignAction, sendCampaignAction } from "./actions";
import { CampaignForm } from "./campaign-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.campaigns"))("title") };
}

export default async function CampaignsPage() {
  const session = await requireMerchantUser();
  const [t, format, campaigns] = await Promise.all([getTranslations("dashboard.campaigns"), getFormatter(), listCampaigns(session.ctx)]);
  const timeZone = session.merchant.timeZone;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-8">
        <Section id="campaign-compose" title={t("compose")} description={t("consentNote")}>
          <CampaignForm
            previewAction={previewCampaignAction}
            sendAction={sendCampaignAction}
            segments={CAMPAIGN_SEGMENTS.map((segment) => ({ value: segment, label: t(`segments.${segment}`) }))}
          />
        </Section>
        <Section id="campaign-history" title={t("history")}>
          {campaigns.length === 0 ? (
            <p className="text-sm text-stone-600">{t("historyEmpty")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="border-b border-stone-200 text-stone-600">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t("sentAt")}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t("subject")}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t("segment")}
                    </th>
                    <th scope="col" className="py-2 text-right font-medium">
                      {t("recipientsColumn")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {campaigns.map((campaign) => (
                    <tr key={campaign.id}>
                      <td className="whitespace-nowrap py-2 pr-4 text-stone-700">
                        {format.dateTime(new Date(campaign.createdAt), { dateStyle: "medium", timeStyle: "short", timeZone })}
                      </td>
                      <th scope="row" className="py-2 pr-4 font-medium text-stone-900">
                        {campaign.subject}
                      </th>
                      <td className="py-2 pr-4 text-stone-700">{t(`segments.${campaign.segment}`)}</td>
                      <td className="py-2 text-right tabular-nums text-stone-900">{format.number(campaign.recipients)}</td>
                    </tr>
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

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import QRCode from "qrcode";
import { cache, type CSSProperties } from "react";
import { BrandHeader } from "@/components/enroll/brand-header";
import { CustomerFormMessages } from "@/components/enroll/customer-form-messages";
import { heldCardNeedsRemembering } from "@/lib/auth/held-cards";
import { systemClock } from "@/lib/clock";
import { getWebCard } from "@/lib/web-card/get-web-card";
import { applePassLink } from "@/lib/wallet/apple/pass-link";
import { preferredWallet } from "@/lib/web-card/wallet-availability";
import { eraseAction, rememberCardAction, setConsentAction } from "./actions";
import { PrivacyPanel } from "./privacy-panel";
import { RememberCard } from "./remember-card";

type Props = { params: Promise<{ token: string }> };

const STAMP_EMPTY = "h-8 w-8 rounded-full border-2 border-(--stamp)";
const STAMP_FILLED = `${STAMP_EMPTY} bg-(--stamp)`;

const loadCard = cache(async (token: string) => {
  const card = await getWebCard(token);
  if (!card) notFound();
  return card;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  const card = await loadCard(token);
  return {
    title: `${card.program.cardName} · ${card.merchant.name}`,
    manifest: `/card/${token}/manifest.webmanifest`,
    robots: { index: false, follow: false },
    appleWebApp: { capable: true, title: card.program.cardName, statusBarStyle: "default" },
    icons: { apple: "/icons/card-icon-192.png" },
  };
}

/** The customer's web card: the QR the counter scans, progress, rewards, history, wallets and privacy self-service. */
export default async function WebCardPage({ params }: Props) {
  const { token } = await params;
  const [card, t, format, headerList, rememberDue] = await Promise.all([
    loadCard(token),
    getTranslations("webCard"),
    getFormatter(),
    headers(),
    heldCardNeedsRemembering(token, systemClock.now()),
  ]);
  const { program, merchant } = card;
  const colors = { background: program.cardColor, foreground: program.foregroundColor, label: program.labelColor };

  if (!card.customer) {
    return (
      <div className="space-y-5">
        <BrandHeader merchantName={merchant.name} title={program.cardName} colors={colors} logoUrl={program.logoUrl} />
        <section role="status" className="rounded-2xl bg-white p-5 shadow-sm">
          <h2 className="text-lg font-bold text-stone-900">{t("erased.title")}</h2>
          <p className="mt-2 text-stone-800">{t("erased.body", { merchant: merchant.name })}</p>
        </section>
      </div>
    );
  }

  const qrSvg = await QRCode.toString(card.card.qrPayload, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  const usesStamps = program.type !== "points";
  const usesPoints = program.type !== "stamps";
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: merchant.timeZone });
  const spaced = card.card.cardNumber.replace(/(\d{4})(?=\d)/g, "$1 ");
  const preferred = preferredWallet(headerList.get("user-agent"));
  const walletButtons = [
    card.wallets.apple
      ? { kind: "apple" as const, href: applePassLink(card.card.appleSerial, new Date()), label: t("wallet.apple") }
      : null,
    card.wallets.google ? { kind: "google" as const, href: `/api/v1/loyalty/passes/google/${token}`, label: t("wallet.google") } : null,
  ]
    .filter((button) => button !== null)
    .sort((a, b) => (a.kind === preferred ? -1 : b.kind === preferred ? 1 : 0));

  return (
    <div className="space-y-5">
      {rememberDue ? <RememberCard token={token} action={rememberCardAction} /> : null}
      <BrandHeader
        merchantName={merchant.name}
        title={program.cardName}
        subtitle={card.customer.name ?? undefined}
        colors={colors}
        logoUrl={program.logoUrl}
      />

      <section aria-labelledby="qr-title" className="rounded-2xl bg-white p-5 text-center shadow-sm">
        <h2 id="qr-title" className="text-lg font-bold text-stone-900">
          {t("qr.title")}
        </h2>
        <div
          role="img"
          aria-label={t("qr.label")}
          data-testid="card-qr"
          className="mx-auto mt-3 w-full max-w-[260px] bg-white [&>svg]:h-auto [&>svg]:w-full"
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
        <p className="mt-2 text-sm text-stone-600">{t("qr.number")}</p>
        <p className="font-mono text-lg tracking-wider text-stone-900">{spaced}</p>
      </section>

      <section aria-labelledby="progress-title" className="rounded-2xl bg-white p-5 shadow-sm">
        <h2 id="progress-title" className="text-lg font-bold text-stone-900">
          {t("progress.title")}
        </h2>
        {usesStamps ? (
          <div className="mt-3">
            <p className="font-medium text-stone-900">
              {t("progress.stamps", { count: card.card.stampCount, target: program.stampsTarget })}
            </p>
            {/* The card's colour once, as a variable, rather than on each of up to 50 circles: a smaller page. */}
            <ol className="mt-2 flex flex-wrap gap-2" aria-hidden="true" style={{ "--stamp": program.cardColor } as CSSProperties}>
              {Array.from({ length: program.stampsTarget }, (_, index) => (
                <li key={index} className={index < card.card.stampCount ? STAMP_FILLED : STAMP_EMPTY} />
              ))}
            </ol>
          </div>
        ) : null}
        {usesPoints ? <p className="mt-3 font-medium text-stone-900">{t("progress.points", { points: card.card.pointsBalance })}</p> : null}
        {card.nextReward ? (
          <p className="mt-3 text-stone-700">
            {card.nextReward.kind === "stamps"
              ? t("progress.nextStamps", { remaining: card.nextReward.remaining, reward: card.nextReward.name })
              : t("progress.nextPoints", { remaining: card.nextReward.remaining, reward: card.nextReward.name })}
          </p>
        ) : null}
        <h3 className="mt-4 text-sm font-semibold uppercase tracking-wide text-stone-600">{t("rewards.title")}</h3>
        {card.rewardsAvailable.length > 0 ? (
          <ul className="mt-1 space-y-1">
            {card.rewardsAvailable.map((reward) => (
              <li key={`${reward.kind}-${reward.name}`} className="rounded-lg bg-emerald-50 px-3 py-2 font-medium text-emerald-900">
                {reward.kind === "stamps"
                  ? t("rewards.stamps", { reward: reward.name })
                  : t("rewards.points", { reward: reward.name, points: reward.pointsCost ?? 0 })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-stone-700">{t("rewards.none")}</p>
        )}
      </section>

      {walletButtons.length > 0 ? (
        <section aria-label={t("wallet.title")} className="flex flex-col gap-3">
          {walletButtons.map((button) => (
            <a key={button.kind} href={button.href} className="rounded-xl bg-black px-4 py-3 text-center font-semibold text-white">
              {button.label}
            </a>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="history-title" className="rounded-2xl bg-white p-5 shadow-sm">
        <h2 id="history-title" className="text-lg font-bold text-stone-900">
          {t("history.title")}
        </h2>
        {card.history.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("history.empty", { date: when(card.card.createdAt) })}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-100">
            {card.history.map((entry) => (
              <li key={entry.id} className="flex justify-between gap-3 py-2 text-sm">
                <span>
                  <span className="font-medium text-stone-900">{t(`history.types.${entry.type}`)}</span>
                  <span className="block text-stone-600">
                    {when(entry.createdAt)}
                    {entry.storeName ? ` · ${entry.storeName}` : ""}
                  </span>
                </span>
                <span className="shrink-0 text-right font-medium text-stone-900">
                  {entry.stampsDelta !== 0 ? <span className="block">{t("history.stamps", { delta: entry.stampsDelta })}</span> : null}
                  {entry.pointsDelta !== 0 ? <span className="block">{t("history.points", { delta: entry.pointsDelta })}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="privacy-title" className="rounded-2xl bg-white p-5 shadow-sm">
        <h2 id="privacy-title" className="mb-3 text-lg font-bold text-stone-900">
          {t("privacyTitle")}
        </h2>
        <CustomerFormMessages namespaces={["privacy"]}>
          <PrivacyPanel
            token={token}
            hasEmail={card.customer.email !== null}
            emailConsent={card.customer.emailConsent}
            consentSince={card.customer.emailConsentAt ? when(card.customer.emailConsentAt) : null}
            setConsentAction={setConsentAction}
            eraseAction={eraseAction}
          />
        </CustomerFormMessages>
        {card.storeCode ? (
          <p className="mt-5 text-sm">
            <Link href={`/join/${card.storeCode}/privacy`} className="text-brand-700 underline">
              {t("privacyNotice")}
            </Link>
          </p>
        ) : null}
      </section>
      <p className="text-center text-sm text-stone-600">{t("bookmarkHint")}</p>
    </div>
  );
}

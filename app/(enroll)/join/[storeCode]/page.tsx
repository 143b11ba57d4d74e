import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BrandHeader } from "@/components/enroll/brand-header";
import { CustomerFormMessages } from "@/components/enroll/customer-form-messages";
import { readHeldCards } from "@/lib/auth/held-cards";
import { findHeldCard } from "@/lib/web-card/find-held-card";
import { enrollAction } from "./actions";
import { EnrollForm } from "./enroll-form";
import { loadJoinProgram } from "./load-join-program";

type Props = { params: Promise<{ storeCode: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { storeCode } = await params;
  const target = await loadJoinProgram(storeCode);
  return { title: (await getTranslations("join"))("metaTitle", { merchant: target.merchant.name }) };
}

/** The page behind a store's QR: the merchant's program and, in under thirty seconds, a card. */
export default async function JoinPage({ params }: Props) {
  const { storeCode } = await params;
  const [target, t, heldTokens] = await Promise.all([loadJoinProgram(storeCode), getTranslations("join"), readHeldCards()]);
  const held = await findHeldCard(target.merchantId, heldTokens);
  const { program, merchant, store } = target;
  const code = store.code;
  const stampsOffer =
    program.loyaltyType !== "points"
      ? t("offer.stamps", { target: program.stampsTarget, reward: program.stampsRewardDescription ?? program.cardName })
      : null;
  const pointsOffer = program.loyaltyType !== "stamps" ? t("offer.points", { perEuro: program.pointsPerEuro }) : null;

  return (
    <div className="space-y-5">
      <BrandHeader
        merchantName={merchant.name}
        title={program.cardName}
        subtitle={t("atStore", { store: store.name })}
        colors={{ background: program.cardColor, foreground: program.foregroundColor, label: program.labelColor }}
        logoUrl={program.logoUrl}
      />

      {held ? (
        <section aria-labelledby="held-title" className="rounded-2xl border-2 border-brand-600 bg-white p-5 shadow-sm">
          <h2 id="held-title" className="text-lg font-bold text-stone-900">
            {t("heldCard.title")}
          </h2>
          <Link
            href={`/join/${code}/collect`}
            className="mt-3 block rounded-xl bg-brand-700 px-4 py-3 text-center text-lg font-semibold text-white hover:bg-brand-900"
          >
            {t("heldCard.collect")}
          </Link>
          <Link href={`/card/${held.pageToken}`} className="mt-3 block text-center font-medium text-brand-700 underline">
            {t("heldCard.open")}
          </Link>
        </section>
      ) : null}

      <section aria-labelledby="offer-title" className="rounded-2xl bg-white p-5 shadow-sm">
        <h2 id="offer-title" className="text-lg font-bold text-stone-900">
          {t("offer.title")}
        </h2>
        <ul className="mt-2 space-y-1 text-stone-800">
          {stampsOffer ? <li>{stampsOffer}</li> : null}
          {pointsOffer ? <li>{pointsOffer}</li> : null}
        </ul>
        {program.rewards.length > 0 ? (
          <>
            <h3 className="mt-4 text-sm font-semibold uppercase tracking-wide text-stone-600">{t("offer.rewardsTitle")}</h3>
            <ul className="mt-1 divide-y divide-stone-100">
              {program.rewards.map((reward) => (
                <li key={reward.name} className="flex justify-between gap-3 py-2">
                  <span>{reward.name}</span>
                  <span className="shrink-0 font-medium text-stone-700">{t("offer.rewardCost", { points: reward.pointsCost })}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="form-title" className="rounded-2xl bg-white p-5 shadow-sm">
        <h2 id="form-title" className="text-lg font-bold text-stone-900">
          {t("form.title")}
        </h2>
        {target.acceptingEnrollments ? (
          <>
            <p className="mb-4 mt-1 text-sm text-stone-600">{t("form.intro")}</p>
            <CustomerFormMessages namespaces={["join"]}>
              <EnrollForm action={enrollAction} storeCode={code} merchantName={merchant.name} privacyHref={`/join/${code}/privacy`} />
            </CustomerFormMessages>
          </>
        ) : (
          <p className="mt-2 text-stone-800">{t("paused", { merchant: merchant.name })}</p>
        )}
      </section>

      <p className="text-center">
        <Link href={`/join/${code}/recover`} className="font-medium text-brand-700 underline">
          {t("recover")}
        </Link>
      </p>
      <p className="text-center text-sm">
        <Link href={`/join/${code}/privacy`} className="text-stone-600 underline">
          {t("form.privacy")}
        </Link>
      </p>
    </div>
  );
}

"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { ProgramType } from "@/lib/domain/program-features";
import { usesPoints, usesStamps } from "@/lib/domain/program-features";
import { isHexColor, readableTextOn } from "./color-contrast";
import { QrPlaceholder } from "./qr-placeholder";

export type WalletCardPreviewProps = {
  loyaltyType: ProgramType;
  cardName: string;
  merchantName: string;
  stampsTarget: number;
  rewardDescription: string;
  /** The cheapest active reward of the catalog, shown as the next one to reach. */
  nextReward: { name: string; pointsCost: number } | null;
  backgroundColor: string;
  foregroundColor: string;
  labelColor: string;
  logoUrl: string | null;
};

type Wallet = "apple" | "google";

const SAMPLE_POINTS = 120;
const SAMPLE_CARD_NUMBER = "4821 0037 5529";

/** A believable sample: about 70 % of the card, never a full one. */
function sampleStamps(target: number): number {
  return Math.max(0, Math.min(target - 1, Math.round(target * 0.7)));
}

/** Colors while the person is typing: keep the last valid look rather than flashing black. */
function color(value: string, fallback: string): string {
  return isHexColor(value) ? value : fallback;
}

/**
 * The card as it will look in Apple Wallet (a store card: logo and name,
 * a strip with the balance, fields, the QR code) and in Google Wallet (a
 * loyalty card: header with logo and issuer, program name, balances, QR),
 * with sample balances. It follows the form as the person types.
 */
export function WalletCardPreview(props: WalletCardPreviewProps) {
  const t = useTranslations("dashboard.program.preview");
  const [wallet, setWallet] = useState<Wallet>("apple");
  const wallets: { id: Wallet; label: string }[] = [
    { id: "apple", label: t("apple") },
    { id: "google", label: t("google") },
  ];
  return (
    <div>
      <div role="group" aria-label={t("choose")} className="mb-4 inline-flex rounded-lg border border-stone-300 bg-stone-100 p-1">
        {wallets.map((option) => (
          <button
            key={option.id}
            type="button"
            aria-pressed={wallet === option.id}
            onClick={() => setWallet(option.id)}
            className="rounded-md px-3 py-1.5 text-sm font-medium text-stone-700 hover:text-stone-900 aria-pressed:bg-white aria-pressed:text-stone-900 aria-pressed:shadow-sm"
          >
            {option.label}
          </button>
        ))}
      </div>
      <figure
        aria-label={t("figureLabel", { wallet: wallets.find((option) => option.id === wallet)!.label })}
        className="flex justify-center"
      >
        {wallet === "apple" ? <AppleCard {...props} /> : <GoogleCard {...props} />}
      </figure>
      <p className="mt-3 text-center text-xs text-stone-600">{t("sample")}</p>
    </div>
  );
}

function StampDots({ stamps, target, filled, empty }: { stamps: number; target: number; filled: string; empty: string }) {
  if (target > 20) {
    return (
      <div className="h-2.5 w-full overflow-hidden rounded-full" style={{ backgroundColor: empty }} aria-hidden="true">
        <div className="h-full rounded-full" style={{ width: `${(stamps / target) * 100}%`, backgroundColor: filled }} />
      </div>
    );
  }
  const perRow = target <= 10 ? 5 : 10;
  return (
    <div className="grid gap-1.5" style={{ gridTemplateColumns: `repeat(${Math.min(perRow, target)}, minmax(0, 1fr))` }} aria-hidden="true">
      {Array.from({ length: target }, (_, index) => (
        <span
          key={index}
          className="aspect-square max-w-6 rounded-full border-2"
          style={{ borderColor: index < stamps ? filled : empty, backgroundColor: index < stamps ? filled : "transparent" }}
        />
      ))}
    </div>
  );
}

function Label({ color, children }: { color: string; children: string }) {
  return (
    <p className="text-[10px] font-semibold uppercase tracking-wide" style={{ color }}>
      {children}
    </p>
  );
}

function Logo({ url, className }: { url: string; className: string }) {
  // eslint-disable-next-line @next/next/no-img-element -- our own route serves the stored bytes; next/image would only add a copy
  return <img src={url} alt="" className={className} />;
}

function AppleCard({
  loyaltyType,
  cardName,
  stampsTarget,
  rewardDescription,
  nextReward,
  backgroundColor,
  foregroundColor,
  labelColor,
  logoUrl,
}: WalletCardPreviewProps) {
  const t = useTranslations("dashboard.program.preview");
  const format = useFormatter();
  const background = color(backgroundColor, "#3b2314");
  const foreground = color(foregroundColor, "#ffffff");
  const label = color(labelColor, "#f5d9b8");
  const stamps = sampleStamps(stampsTarget);
  const showStamps = usesStamps(loyaltyType);
  const showPoints = usesPoints(loyaltyType);
  return (
    <div
      data-testid="apple-card"
      className="w-full max-w-[320px] overflow-hidden rounded-[14px] shadow-xl ring-1 ring-black/10"
      style={{ backgroundColor: background, color: foreground }}
    >
      <div className="flex h-14 items-center justify-between gap-3 px-3">
        <div className="flex min-w-0 items-center gap-2">
          {logoUrl ? <Logo url={logoUrl} className="max-h-8 max-w-[96px] object-contain" /> : null}
          <p className="truncate text-[15px] font-semibold">{cardName || t("cardNamePlaceholder")}</p>
        </div>
        {showStamps && showPoints ? (
          <div className="shrink-0 text-right">
            <Label color={label}>{t("points")}</Label>
            <p className="text-[17px] leading-tight">{format.number(SAMPLE_POINTS)}</p>
          </div>
        ) : null}
      </div>

      <div className="flex min-h-[112px] items-center gap-4 px-4 py-3" style={{ backgroundColor: "rgba(0, 0, 0, 0.18)" }}>
        <div className="shrink-0">
          <Label color={label}>{showStamps ? t("stamps") : t("points")}</Label>
          <p className="text-[32px] font-light leading-tight" data-testid="apple-balance">
            {showStamps ? t("progress", { stamps, target: stampsTarget }) : format.number(SAMPLE_POINTS)}
          </p>
        </div>
        {showStamps ? (
          <div className="min-w-0 flex-1">
            <StampDots stamps={stamps} target={stampsTarget} filled={label} empty={`${label}80`} />
          </div>
        ) : nextReward ? (
          <div className="min-w-0 flex-1" aria-hidden="true">
            <div className="h-2 overflow-hidden rounded-full" style={{ backgroundColor: `${label}40` }}>
              <div
                className="h-full rounded-full"
                style={{ width: `${Math.min(100, (SAMPLE_POINTS / nextReward.pointsCost) * 100)}%`, backgroundColor: label }}
              />
            </div>
            <p className="mt-1.5 text-right text-xs" style={{ color: label }}>
              {SAMPLE_POINTS >= nextReward.pointsCost ? t("canRedeem") : t("toGo", { points: nextReward.pointsCost - SAMPLE_POINTS })}
            </p>
          </div>
        ) : null}
      </div>

      <div className="grid grid-cols-[1fr_auto] gap-3 px-4 pt-3">
        <div className="min-w-0">
          {showStamps ? (
            <>
              <Label color={label}>{t("reward")}</Label>
              <p className="line-clamp-2 text-sm">{rewardDescription || t("rewardPlaceholder")}</p>
            </>
          ) : (
            <>
              <Label color={label}>{t("nextReward")}</Label>
              <p className="line-clamp-2 text-sm">
                {nextReward ? t("rewardAt", { name: nextReward.name, points: nextReward.pointsCost }) : t("noRewardYet")}
              </p>
            </>
          )}
        </div>
        <div className="text-right">
          <Label color={label}>{t("member")}</Label>
          <p className="text-sm">{t("sampleName")}</p>
        </div>
      </div>

      <div className="flex justify-center px-4 pb-5 pt-4">
        <div className="rounded-lg bg-white p-2.5 text-center">
          <QrPlaceholder className="mx-auto size-32" />
          <p className="mt-1 font-mono text-[11px] text-stone-800">{SAMPLE_CARD_NUMBER}</p>
        </div>
      </div>
    </div>
  );
}

function GoogleCard({
  loyaltyType,
  cardName,
  merchantName,
  stampsTarget,
  rewardDescription,
  nextReward,
  backgroundColor,
  logoUrl,
}: WalletCardPreviewProps) {
  const t = useTranslations("dashboard.program.preview");
  const format = useFormatter();
  const background = color(backgroundColor, "#3b2314");
  const text = readableTextOn(background);
  const stamps = sampleStamps(stampsTarget);
  const fields: { label: string; value: string; testId?: string }[] = [];
  if (usesPoints(loyaltyType)) fields.push({ label: t("points"), value: format.number(SAMPLE_POINTS), testId: "google-points" });
  if (usesStamps(loyaltyType)) {
    fields.push({ label: t("stamps"), value: t("progress", { stamps, target: stampsTarget }), testId: "google-stamps" });
    fields.push({ label: t("reward"), value: rewardDescription || t("rewardPlaceholder") });
  } else {
    fields.push({
      label: t("nextReward"),
      value: nextReward ? t("rewardAt", { name: nextReward.name, points: nextReward.pointsCost }) : t("noRewardYet"),
    });
  }
  return (
    <div
      data-testid="google-card"
      className="w-full max-w-[320px] overflow-hidden rounded-[20px] shadow-xl ring-1 ring-black/10"
      style={{ backgroundColor: background, color: text }}
    >
      <div className="flex items-center gap-3 px-4 pt-4">
        <span className="flex size-9 shrink-0 items-center justify-center overflow-hidden rounded-full bg-white text-sm font-bold text-stone-800">
          {logoUrl ? <Logo url={logoUrl} className="size-full object-cover" /> : (merchantName.trim()[0] ?? "·").toUpperCase()}
        </span>
        <p className="truncate text-sm font-medium">{merchantName}</p>
      </div>
      <p className="px-4 pt-4 text-[22px] leading-tight">{cardName || t("cardNamePlaceholder")}</p>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 px-4 pt-5">
        {fields.map((field) => (
          <div key={field.label} className={field.value.length > 16 ? "col-span-2" : undefined}>
            <dt className="text-xs opacity-80">{field.label}</dt>
            <dd className="line-clamp-2 text-base font-medium" data-testid={field.testId}>
              {field.value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex justify-center px-4 pb-6 pt-5">
        <div className="rounded-xl bg-white p-3 text-center">
          <QrPlaceholder className="mx-auto size-32" />
          <p className="mt-1 font-mono text-[11px] text-stone-800">{SAMPLE_CARD_NUMBER}</p>
        </div>
      </div>
    </div>
  );
}

"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { pointsForPurchase } from "@/lib/domain/points";

const MAX_DIGITS = 9;

/** The purchase amount on a large keypad, typed as on a till (1, 2, 5, 0 is 12.50 €), with the points it earns shown before confirming. */
export function AmountPad({
  pointsPerEuro,
  maxPurchaseCents,
  pending,
  onConfirm,
  onCancel,
}: {
  pointsPerEuro: number;
  maxPurchaseCents: number;
  pending: boolean;
  onConfirm: (cents: number) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("counter.purchase");
  const format = useFormatter();
  const [digits, setDigits] = useState("");
  const cents = Number(digits || "0");
  const points = pointsForPurchase(cents, pointsPerEuro);
  const tooLarge = cents > maxPurchaseCents;
  const type = (value: string) => setDigits((current) => (current + value).replace(/^0+/, "").slice(0, MAX_DIGITS));
  const key =
    "flex h-16 items-center justify-center rounded-xl bg-white text-2xl font-semibold text-stone-900 shadow-sm ring-1 ring-stone-300 hover:bg-stone-50 active:bg-stone-200 focus-visible:outline-3 focus-visible:outline-brand-600";
  return (
    <form
      className="mx-auto w-full max-w-sm space-y-4"
      aria-label={t("title")}
      onSubmit={(event) => {
        event.preventDefault();
        if (cents > 0 && !tooLarge && !pending) onConfirm(cents);
      }}
    >
      <h2 className="text-center text-xl font-semibold text-stone-900">{t("title")}</h2>
      <label className="block">
        <span className="sr-only">{t("amount")}</span>
        <input
          inputMode="numeric"
          autoFocus
          value={format.number(cents / 100, { style: "currency", currency: "EUR" })}
          onChange={(event) => setDigits(event.target.value.replace(/\D/g, "").replace(/^0+/, "").slice(0, MAX_DIGITS))}
          onKeyDown={(event) => {
            if (event.key === "Backspace") {
              event.preventDefault();
              setDigits((current) => current.slice(0, -1));
            }
          }}
          aria-describedby="purchase-points"
          className="block h-16 w-full rounded-xl border border-stone-300 bg-white text-center text-3xl font-semibold text-stone-900 focus-visible:outline-3 focus-visible:outline-brand-600"
        />
      </label>
      <p id="purchase-points" aria-live="polite" className={`text-center text-lg ${tooLarge ? "text-red-800" : "text-stone-800"}`}>
        {tooLarge
          ? t("tooLarge", { maximum: format.number(maxPurchaseCents / 100, { style: "currency", currency: "EUR" }) })
          : t("points", { points })}
      </p>
      <div className="grid grid-cols-3 gap-3">
        {["1", "2", "3", "4", "5", "6", "7", "8", "9", "00", "0"].map((digit) => (
          <button key={digit} type="button" className={key} onClick={() => type(digit)}>
            {digit}
          </button>
        ))}
        <button type="button" className={key} onClick={() => setDigits((current) => current.slice(0, -1))} aria-label={t("backspace")}>
          ⌫
        </button>
      </div>
      <div className="flex gap-3">
        <button
          type="button"
          onClick={onCancel}
          className="h-14 flex-1 rounded-xl bg-stone-200 text-lg font-semibold text-stone-900 hover:bg-stone-300 focus-visible:outline-3 focus-visible:outline-brand-600"
        >
          {t("cancel")}
        </button>
        <button
          type="submit"
          disabled={cents === 0 || tooLarge || pending}
          className="h-14 flex-[2] rounded-xl bg-brand-700 text-lg font-semibold text-white hover:bg-brand-800 focus-visible:outline-3 focus-visible:outline-brand-600 disabled:opacity-50"
        >
          {t("confirm", { points })}
        </button>
      </div>
    </form>
  );
}

"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { PinPad } from "@/components/counter/pin-pad";
import type { CounterActionResult } from "@/lib/actions/counter-action";
import { StampCard } from "@/components/counter/stamp-card";

type Collected = { stampCount: number; stampsTarget: number; rewardEarned: boolean; rewardDescription: string | null };

/** The card, "Collect a stamp here", then the PIN pad for the staff member; the outcome in plain words. */
export function CollectStamp({
  storeCode,
  storeName,
  timeZone,
  card,
  program,
  action,
}: {
  storeCode: string;
  storeName: string;
  timeZone: string;
  card: { firstName: string | null; stampCount: number };
  program: { stampsTarget: number; stampsRewardDescription: string | null };
  action: (input: { storeCode: string; pin: string; idempotencyKey: string }) => Promise<CounterActionResult<Collected>>;
}) {
  const t = useTranslations("customerCollect");
  const format = useFormatter();
  const [stamps, setStamps] = useState(card.stampCount);
  const [step, setStep] = useState<"card" | "pin" | "done">("card");
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  // One key per stamp asked for: a retry after a network drop is the same request.
  const [key, setKey] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const time = (iso: unknown) =>
    typeof iso === "string" ? format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit", timeZone }) : "?";

  const submit = (pin: string) =>
    startTransition(async () => {
      setError(null);
      const idempotencyKey = key ?? crypto.randomUUID();
      setKey(idempotencyKey);
      const result = await action({ storeCode, pin, idempotencyKey }).catch(() => null);
      if (!result) return setError(t("network"));
      if (!result.ok) {
        const extra = result.extra ?? {};
        setKey(null);
        switch (result.code) {
          case "PIN_INVALID":
            return setError(
              extra.lockedUntil
                ? t("pinLocked", { time: time(extra.lockedUntil) })
                : t("pinInvalid", { attempts: Number(extra.attemptsLeft ?? 0) }),
            );
          case "PIN_LOCKED":
            return setError(t("pinLocked", { time: time(extra.lockedUntil) }));
          case "COOLDOWN_ACTIVE":
            setStep("card");
            return setError(t("cooldown", { time: time(extra.nextStampAvailableAt) }));
          case "DAILY_LIMIT_REACHED":
            setStep("card");
            return setError(t("dailyLimit", { time: time(extra.nextStampAvailableAt) }));
          default:
            return setError(t("network"));
        }
      }
      setKey(null);
      setStamps(result.data.stampCount);
      setStep("done");
      setSuccess(
        result.data.rewardEarned
          ? t("rewardReached", { reward: result.data.rewardDescription ?? "" })
          : t("success", { store: storeName, count: result.data.stampCount, target: result.data.stampsTarget }),
      );
    });

  return (
    <div className="space-y-5">
      <section aria-label={card.firstName ? t("yourCard", { name: card.firstName }) : t("yourCardAnonymous")} className="space-y-3">
        <h2 className="text-xl font-semibold text-stone-900">
          {card.firstName ? t("yourCard", { name: card.firstName }) : t("yourCardAnonymous")}
        </h2>
        <StampCard count={stamps} target={program.stampsTarget} label={t("stamps", { count: stamps, target: program.stampsTarget })} />
      </section>
      <div aria-live="polite">
        {success ? (
          <p role="status" className="rounded-xl border border-emerald-300 bg-emerald-50 px-4 py-4 text-lg font-medium text-emerald-950">
            {success}
          </p>
        ) : null}
        {error && step !== "pin" ? (
          <p role="alert" className="rounded-xl border border-red-300 bg-red-50 px-4 py-4 text-lg text-red-900">
            {error}
          </p>
        ) : null}
      </div>
      {step === "card" ? (
        <>
          <button
            type="button"
            onClick={() => {
              setError(null);
              setStep("pin");
            }}
            className="flex min-h-16 w-full items-center justify-center rounded-xl bg-brand-700 px-5 text-xl font-semibold text-white hover:bg-brand-800 focus-visible:outline-3 focus-visible:outline-brand-600"
          >
            {t("collect")}
          </button>
          <p className="text-base text-stone-700">{t("handOver")}</p>
        </>
      ) : step === "pin" ? (
        <div className="rounded-2xl bg-white p-5 shadow-sm">
          <PinPad
            title={t("pinTitle")}
            labels={{
              pin: t("pin.label"),
              submit: t("pin.submit"),
              pending: t("pin.pending"),
              clear: t("pin.clear"),
              backspace: t("pin.backspace"),
              cancel: t("pin.cancel"),
            }}
            pending={pending}
            error={error}
            onSubmit={submit}
            onCancel={() => {
              setError(null);
              setStep("card");
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

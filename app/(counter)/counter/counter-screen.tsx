"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { PinPad } from "@/components/counter/pin-pad";
import { QrScanner } from "@/components/counter/qr-scanner";
import type { CounterActionResult } from "@/lib/actions/counter-action";
import type { CounterCard, CounterScreen as Screen, CounterSearchHit } from "@/lib/counter/counter-views";
import type { CounterOperationOutcome } from "@/lib/counter/run-counter-operation";
import type { CounterOperationInput } from "@/lib/counter/schemas";
import { operationKey } from "@/lib/counter/operation-key";
import { checkCardNumber, formatCardNumber, normalizeCardNumber } from "@/lib/domain/card-number";
import { usesPoints, usesStamps } from "@/lib/domain/program-features";
import { AmountPad } from "./amount-pad";
import { StampCard } from "@/components/counter/stamp-card";

type Action<I, T> = (input: I) => Promise<CounterActionResult<T>>;
type Staff = { id: string; name: string };

export type CounterActions = {
  findCard: Action<{ cardNumber: string } | { qrCode: string }, CounterCard>;
  searchCards: Action<{ query: string }, CounterSearchHit[]>;
  unlock: Action<{ staffId: string; pin: string }, { staff: Staff; idleSeconds: number }>;
  lock: Action<Record<string, never>, null>;
  operate: Action<CounterOperationInput, CounterOperationOutcome>;
};

/** `retry`: the operation got no answer and can be sent again as the same request. */
type Outcome = { kind: "success" | "error" | "reward"; text: string; retry?: Operation };
type Operation = CounterOperationInput;
/** An operation as a button names it, before the card and the idempotency key are added. */
type Intent = Operation extends infer O ? (O extends Operation ? Omit<O, "idempotencyKey" | "cardNumber"> : never) : never;

const bigButton =
  "flex min-h-16 w-full items-center justify-center rounded-xl px-5 py-4 text-lg font-semibold shadow-sm focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-50";

/** The counter: find a card, act on it with a staff session opened by a PIN, see the outcome at once. */
export function CounterScreen({ screen, initialStaff, actions }: { screen: Screen; initialStaff: Staff | null; actions: CounterActions }) {
  const t = useTranslations("counter");
  const format = useFormatter();
  const program = screen.program!;
  const [staff, setStaff] = useState<Staff | null>(initialStaff);
  const [card, setCard] = useState<CounterCard | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The operation waiting for a PIN keeps its idempotency key: once unlocked it is sent as it was.
  const [waiting, setWaiting] = useState<Operation | null>(null);
  // The last operation sent without an answer: asked again, it keeps its key (operationKey).
  const [unanswered, setUnanswered] = useState<Operation | null>(null);
  const [unlocking, setUnlocking] = useState<Staff | "pick" | null>(null);
  const [pinError, setPinError] = useState<string | null>(null);
  const [panel, setPanel] = useState<"actions" | "purchase">("actions");
  const [pending, startTransition] = useTransition();
  const [activity, setActivity] = useState(0);
  const idleSeconds = useRef(program.idleSeconds);

  const time = useCallback(
    (iso: unknown) =>
      typeof iso === "string"
        ? format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit", timeZone: screen.merchant.timeZone })
        : "?",
    [format, screen.merchant.timeZone],
  );

  const refusal = useCallback(
    (result: Extract<CounterActionResult<unknown>, { ok: false }>): string => {
      const extra = result.extra ?? {};
      switch (result.code) {
        case "COOLDOWN_ACTIVE":
          return t("outcome.cooldown", { time: time(extra.nextStampAvailableAt) });
        case "DAILY_LIMIT_REACHED":
          return t("outcome.dailyLimit", { time: time(extra.nextStampAvailableAt) });
        case "PIN_INVALID":
          return extra.lockedUntil
            ? t("outcome.pinLocked", { time: time(extra.lockedUntil) })
            : t("outcome.pinInvalid", { attempts: Number(extra.attemptsLeft ?? 0) });
        case "PIN_LOCKED":
          return t("outcome.pinLocked", { time: time(extra.lockedUntil) });
        case "MERCHANT_SUSPENDED":
          return t("suspended");
        case "UNAUTHENTICATED":
          // The tablet was revoked meanwhile (a missing staff session never gets here).
          return result.extra?.device ? t("unpaired.title") : result.message;
        case "NOT_FOUND":
          return t("find.notFound");
        case "VALIDATION_FAILED":
          return Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.message;
        default:
          return result.message;
      }
    },
    [t, time],
  );

  // Idle timeout: the screen locks itself too (the server refuses an idle session in any case).
  useEffect(() => {
    if (!staff) return;
    const timer = setTimeout(() => {
      setStaff(null);
      setUnlocking(null);
      setNotice(t("staff.lockedIdle", { minutes: Math.round(idleSeconds.current / 60) }));
      void actions.lock({});
    }, idleSeconds.current * 1000);
    return () => clearTimeout(timer);
  }, [staff, activity, actions, t]);

  const run = (operation: Operation) =>
    startTransition(async () => {
      setOutcome(null);
      const result = await actions.operate(operation).catch(() => null);
      if (!result) {
        setUnanswered(operation);
        // The card as the server has it now, if it answers: the staff member sees whether the operation went
        // through. Read outside the transition, so Try again is not held up while it is on its way.
        void actions
          .findCard({ cardNumber: operation.cardNumber })
          .then((fresh) => fresh.ok && setCard((shown) => (shown?.cardNumber === fresh.data.cardNumber ? fresh.data : shown)))
          .catch(() => undefined);
        return setOutcome({ kind: "error", text: t("outcome.unanswered"), retry: operation });
      }
      setUnanswered(null);
      if (!result.ok) {
        if (result.code === "UNAUTHENTICATED" && result.extra?.staffSession) {
          setStaff(null);
          setWaiting(operation);
          setUnlocking("pick");
          return;
        }
        return setOutcome({ kind: "error", text: refusal(result) });
      }
      setWaiting(null);
      setActivity((n) => n + 1);
      setPanel("actions");
      const data = result.data;
      setCard(data.card);
      setOutcome(describe(data));
    });

  const describe = (data: CounterOperationOutcome): Outcome => {
    const c = data.card;
    switch (data.kind) {
      case "stamp":
        return data.rewardEarned
          ? {
              kind: "reward",
              text: t("outcome.rewardReached", {
                reward: data.rewardName ?? t("card.reward"),
                count: c.stampCount,
                target: c.stampsTarget,
              }),
            }
          : { kind: "success", text: t("outcome.stampAdded", { count: c.stampCount, target: c.stampsTarget }) };
      case "redeemStamps":
        return { kind: "success", text: t("outcome.stampsRedeemed", { reward: data.rewardName ?? t("card.reward"), count: c.stampCount }) };
      case "earnPoints":
        return { kind: "success", text: t("outcome.pointsEarned", { points: data.pointsEarned ?? 0, balance: c.pointsBalance }) };
      case "redeemReward":
        return { kind: "success", text: t("outcome.rewardRedeemed", { reward: data.rewardName ?? "", balance: c.pointsBalance }) };
    }
  };

  const act = (operation: Intent) => {
    if (!card) return;
    const request = { ...operation, cardNumber: card.cardNumber };
    const full = { ...request, idempotencyKey: operationKey(request, unanswered, () => crypto.randomUUID()) } as Operation;
    if (!staff) {
      setWaiting(full);
      setUnlocking("pick");
      return;
    }
    run(full);
  };

  const unlock = (member: Staff, pin: string) =>
    startTransition(async () => {
      setPinError(null);
      const result = await actions.unlock({ staffId: member.id, pin }).catch(() => null);
      if (!result) return setPinError(t("outcome.network"));
      if (!result.ok) return setPinError(refusal(result));
      idleSeconds.current = result.data.idleSeconds;
      setStaff(result.data.staff);
      setUnlocking(null);
      setNotice(null);
      setActivity((n) => n + 1);
      if (waiting) run(waiting);
    });

  const lock = () =>
    startTransition(async () => {
      await actions.lock({}).catch(() => null);
      setStaff(null);
      setWaiting(null);
      setNotice(t("staff.lockedNow"));
    });

  const nextCustomer = () => {
    setCard(null);
    setOutcome(null);
    setWaiting(null);
    setUnanswered(null);
    setPanel("actions");
  };

  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 bg-white px-4 py-3 sm:px-6">
        <div>
          <h1 className="text-xl font-bold text-brand-900">{screen.store.name}</h1>
          <p className="text-sm text-stone-600">{screen.merchant.name}</p>
        </div>
        <div className="flex items-center gap-3">
          {staff ? (
            <>
              <p className="text-base text-stone-800">{t("staff.serving", { name: staff.name })}</p>
              <button
                type="button"
                onClick={lock}
                className="min-h-12 rounded-xl bg-stone-800 px-5 text-base font-semibold text-white hover:bg-stone-900 focus-visible:outline-3 focus-visible:outline-brand-600"
              >
                {t("staff.lock")}
              </button>
            </>
          ) : (
            <p className="text-base text-stone-600">{t("staff.lockedState")}</p>
          )}
        </div>
      </header>
      {notice ? (
        <div role="status" className="border-b border-amber-300 bg-amber-50 px-6 py-3 text-base text-amber-950">
          {notice}
        </div>
      ) : null}
      <main id="content" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:px-6">
        {unlocking ? (
          <section aria-label={t("staff.title")} className="rounded-2xl bg-white p-6 shadow-sm">
            {unlocking === "pick" ? (
              <StaffPicker
                staff={screen.staff}
                onPick={(member) => {
                  setPinError(null);
                  setUnlocking(member);
                }}
                onCancel={() => {
                  setUnlocking(null);
                  setWaiting(null);
                }}
              />
            ) : (
              <PinPad
                title={t("staff.pinFor", { name: unlocking.name })}
                labels={{
                  pin: t("pin.label"),
                  submit: t("pin.submit"),
                  pending: t("pin.pending"),
                  clear: t("pin.clear"),
                  backspace: t("pin.backspace"),
                  cancel: t("pin.back"),
                }}
                pending={pending}
                error={pinError}
                onSubmit={(pin) => unlock(unlocking, pin)}
                onCancel={() => setUnlocking("pick")}
              />
            )}
          </section>
        ) : card ? (
          <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
            <CardView card={card} program={program} onClose={nextCustomer} />
            <section aria-label={t("actions.title")} className="space-y-4 rounded-2xl bg-white p-5 shadow-sm">
              <div aria-live="polite">
                {outcome ? (
                  <p
                    role={outcome.kind === "error" ? "alert" : "status"}
                    className={`rounded-xl border px-4 py-4 text-lg font-medium ${
                      outcome.kind === "error"
                        ? "border-red-300 bg-red-50 text-red-900"
                        : outcome.kind === "reward"
                          ? "border-amber-400 bg-amber-100 text-amber-950"
                          : "border-emerald-300 bg-emerald-50 text-emerald-950"
                    }`}
                  >
                    {outcome.text}
                  </p>
                ) : null}
              </div>
              {outcome?.retry ? (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => outcome.retry && run(outcome.retry)}
                  className={`${bigButton} bg-stone-800 text-white hover:bg-stone-900`}
                >
                  {t("outcome.retry")}
                </button>
              ) : null}
              {panel === "purchase" ? (
                <AmountPad
                  pointsPerEuro={program.pointsPerEuro}
                  maxPurchaseCents={program.maxPurchaseCents}
                  pending={pending}
                  onCancel={() => setPanel("actions")}
                  onConfirm={(cents) => act({ kind: "earnPoints", purchaseAmountCents: cents })}
                />
              ) : (
                <div className="space-y-3">
                  {usesStamps(program.type) ? (
                    card.stampRewardAvailable ? (
                      <button
                        type="button"
                        disabled={pending}
                        onClick={() => act({ kind: "redeemStamps" })}
                        className={`${bigButton} bg-amber-500 text-stone-950 hover:bg-amber-400`}
                      >
                        {t("actions.redeemStamps", { reward: program.stampsRewardDescription ?? t("card.reward") })}
                      </button>
                    ) : (
                      <button
                        type="button"
                        disabled={pending}
                        onClick={() => act({ kind: "stamp" })}
                        className={`${bigButton} bg-brand-700 text-white hover:bg-brand-800`}
                      >
                        {t("actions.stamp")}
                      </button>
                    )
                  ) : null}
                  {usesPoints(program.type) ? (
                    <>
                      <button
                        type="button"
                        disabled={pending}
                        onClick={() => setPanel("purchase")}
                        className={`${bigButton} bg-brand-700 text-white hover:bg-brand-800`}
                      >
                        {t("actions.purchase")}
                      </button>
                      {card.rewardsCovered.map((reward) => (
                        <button
                          key={reward.id}
                          type="button"
                          disabled={pending}
                          onClick={() => act({ kind: "redeemReward", rewardId: reward.id })}
                          className={`${bigButton} bg-amber-500 text-stone-950 hover:bg-amber-400`}
                        >
                          {t("actions.redeemReward", { reward: reward.name, cost: reward.pointsCost })}
                        </button>
                      ))}
                    </>
                  ) : null}
                  {pending ? <p className="text-center text-base text-stone-600">{t("actions.working")}</p> : null}
                </div>
              )}
            </section>
          </div>
        ) : (
          <CardFinder
            actions={actions}
            onCard={(found) => {
              setCard(found);
              setOutcome(null);
            }}
            refusal={refusal}
          />
        )}
      </main>
    </div>
  );
}

function StaffPicker({ staff, onPick, onCancel }: { staff: Screen["staff"]; onPick: (member: Staff) => void; onCancel: () => void }) {
  const t = useTranslations("counter.staff");
  return (
    <div className="space-y-5">
      <h2 className="text-center text-xl font-semibold text-stone-900">{t("pick")}</h2>
      {staff.length === 0 ? <p className="text-center text-stone-700">{t("none")}</p> : null}
      <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        {staff.map((member) => (
          <li key={member.id}>
            <button
              type="button"
              onClick={() => onPick(member)}
              className="flex min-h-24 w-full flex-col items-center justify-center rounded-2xl bg-brand-50 px-3 py-4 text-lg font-semibold text-brand-900 ring-1 ring-brand-200 hover:bg-brand-100 focus-visible:outline-3 focus-visible:outline-brand-600"
            >
              {member.name}
              {member.locked ? <span className="mt-1 text-sm font-normal text-red-800">{t("tileLocked")}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={onCancel}
        className="mx-auto block min-h-12 rounded-xl bg-stone-200 px-6 text-base font-semibold text-stone-900 hover:bg-stone-300 focus-visible:outline-3 focus-visible:outline-brand-600"
      >
        {t("cancel")}
      </button>
    </div>
  );
}

function CardView({ card, program, onClose }: { card: CounterCard; program: NonNullable<Screen["program"]>; onClose: () => void }) {
  const t = useTranslations("counter.card");
  const format = useFormatter();
  const rewards = (card.stampRewardAvailable ? 1 : 0) + card.rewardsCovered.length;
  return (
    <section aria-label={t("title")} className="space-y-4 rounded-2xl bg-white p-5 shadow-sm">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 className="text-2xl font-bold text-stone-900">{card.firstName ?? t("anonymous")}</h2>
          <p className="font-mono text-sm text-stone-600">{formatCardNumber(card.cardNumber)}</p>
        </div>
        <button
          type="button"
          onClick={onClose}
          className="min-h-12 rounded-xl bg-stone-200 px-4 text-base font-semibold text-stone-900 hover:bg-stone-300 focus-visible:outline-3 focus-visible:outline-brand-600"
        >
          {t("next")}
        </button>
      </div>
      {usesStamps(program.type) ? (
        <StampCard
          count={card.stampCount}
          target={card.stampsTarget}
          label={t("stamps", { count: card.stampCount, target: card.stampsTarget })}
        />
      ) : null}
      <dl className="grid grid-cols-2 gap-3 text-base">
        {usesPoints(program.type) ? (
          <div className="rounded-xl bg-stone-50 p-3">
            <dt className="text-sm text-stone-600">{t("pointsLabel")}</dt>
            <dd className="text-2xl font-semibold text-stone-900">{t("points", { points: card.pointsBalance })}</dd>
          </div>
        ) : null}
        <div className="rounded-xl bg-stone-50 p-3">
          <dt className="text-sm text-stone-600">{t("rewardsLabel")}</dt>
          <dd className="text-lg font-semibold text-stone-900">{rewards > 0 ? t("rewards", { count: rewards }) : t("noRewards")}</dd>
        </div>
        <div className="rounded-xl bg-stone-50 p-3">
          <dt className="text-sm text-stone-600">{t("lastVisitLabel")}</dt>
          <dd className="text-lg text-stone-900">{card.lastVisitAt ? format.relativeTime(new Date(card.lastVisitAt)) : t("never")}</dd>
        </div>
      </dl>
      {card.stampRewardAvailable ? (
        <p role="status" className="rounded-xl border border-amber-400 bg-amber-100 px-4 py-3 text-lg font-semibold text-amber-950">
          {t("stampRewardReady", { reward: program.stampsRewardDescription ?? t("reward") })}
        </p>
      ) : null}
    </section>
  );
}

function CardFinder({
  actions,
  onCard,
  refusal,
}: {
  actions: CounterActions;
  onCard: (card: CounterCard) => void;
  refusal: (result: Extract<CounterActionResult<unknown>, { ok: false }>) => string;
}) {
  const t = useTranslations("counter.find");
  const [mode, setMode] = useState<"scan" | "number" | "search">("number");
  const [number, setNumber] = useState("");
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<CounterSearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const check = checkCardNumber(number);
  const digits = normalizeCardNumber(number);

  const open = (ref: { cardNumber: string } | { qrCode: string }) =>
    startTransition(async () => {
      setError(null);
      const result = await actions.findCard(ref).catch(() => null);
      if (!result) return setError(t("network"));
      if (!result.ok) return setError(refusal(result));
      onCard(result.data);
    });

  // Search as the person types, a moment after the last key; a late answer never replaces a newer one.
  const latest = useRef(0);
  useEffect(() => {
    if (mode !== "search") return;
    const text = query.trim();
    if (text.length < 2) return;
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      const result = await actions.searchCards({ query: text }).catch(() => null);
      if (ticket !== latest.current) return;
      setHits(result?.ok ? result.data : []);
    }, 250);
    return () => clearTimeout(timer);
  }, [query, mode, actions]);

  const tab = (value: typeof mode, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={mode === value}
      onClick={() => {
        setMode(value);
        setError(null);
      }}
      className={`min-h-14 flex-1 rounded-xl px-4 text-lg font-semibold focus-visible:outline-3 focus-visible:outline-brand-600 ${
        mode === value ? "bg-brand-700 text-white" : "bg-white text-stone-800 ring-1 ring-stone-300 hover:bg-stone-50"
      }`}
    >
      {label}
    </button>
  );

  const numberHint =
    digits.length === 0
      ? t("numberHint")
      : check.ok
        ? t("numberValid")
        : check.reason === "check_digit"
          ? t("numberCheckDigit")
          : check.reason === "too_short"
            ? t("numberShort", { left: 12 - digits.length })
            : t("numberInvalid");

  return (
    <section aria-labelledby="find-title" className="mx-auto max-w-2xl space-y-5">
      <h2 id="find-title" className="text-2xl font-bold text-stone-900">
        {t("title")}
      </h2>
      <div role="tablist" aria-label={t("how")} className="flex gap-3">
        {tab("scan", t("scan"))}
        {tab("number", t("number"))}
        {tab("search", t("search"))}
      </div>
      {error ? (
        <p role="alert" className="rounded-xl border border-red-300 bg-red-50 px-4 py-3 text-lg text-red-900">
          {error}
        </p>
      ) : null}
      <div role="tabpanel" className="rounded-2xl bg-white p-5 shadow-sm">
        {mode === "scan" ? (
          <QrScanner
            labels={{ video: t("camera"), starting: t("cameraStarting"), noCamera: t("noCamera"), aim: t("aim") }}
            onCode={(text) => {
              const asNumber = checkCardNumber(text);
              open(asNumber.ok ? { cardNumber: asNumber.cardNumber } : { qrCode: text.trim() });
            }}
          />
        ) : mode === "number" ? (
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              if (check.ok) open({ cardNumber: check.cardNumber });
            }}
          >
            <label htmlFor="card-number" className="block text-lg font-medium text-stone-800">
              {t("numberLabel")}
            </label>
            <input
              id="card-number"
              inputMode="numeric"
              autoComplete="off"
              autoFocus
              value={number}
              onChange={(event) => setNumber(formatCardNumber(event.target.value.replace(/[^\d\s-]/g, "").slice(0, 20)))}
              aria-describedby="card-number-hint"
              aria-invalid={
                !check.ok && (check.reason === "check_digit" || check.reason === "too_long" || check.reason === "not_digits")
                  ? true
                  : undefined
              }
              className="block h-16 w-full rounded-xl border border-stone-300 px-4 font-mono text-3xl tracking-wider text-stone-900 focus-visible:outline-3 focus-visible:outline-brand-600"
            />
            <p
              id="card-number-hint"
              aria-live="polite"
              className={`text-base ${!check.ok && check.reason === "check_digit" ? "text-red-800" : "text-stone-700"}`}
            >
              {numberHint}
            </p>
            <button type="submit" disabled={!check.ok || pending} className={`${bigButton} bg-brand-700 text-white hover:bg-brand-800`}>
              {pending ? t("opening") : t("open")}
            </button>
          </form>
        ) : (
          <div className="space-y-4">
            <label htmlFor="card-search" className="block text-lg font-medium text-stone-800">
              {t("searchLabel")}
            </label>
            <input
              id="card-search"
              type="search"
              autoComplete="off"
              autoFocus
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              aria-describedby="card-search-hint"
              className="block h-16 w-full rounded-xl border border-stone-300 px-4 text-2xl text-stone-900 focus-visible:outline-3 focus-visible:outline-brand-600"
            />
            <p id="card-search-hint" className="text-base text-stone-700">
              {t("searchHint")}
            </p>
            {hits && query.trim().length >= 2 ? (
              hits.length === 0 ? (
                <p role="status" className="text-lg text-stone-700">
                  {t("noResults")}
                </p>
              ) : (
                <ul aria-label={t("results")} className="space-y-2">
                  {hits.map((hit) => (
                    <li key={hit.cardNumber}>
                      <button
                        type="button"
                        onClick={() => open({ cardNumber: hit.cardNumber })}
                        className="flex min-h-16 w-full items-center justify-between gap-3 rounded-xl bg-stone-50 px-4 py-3 text-left ring-1 ring-stone-200 hover:bg-brand-50 focus-visible:outline-3 focus-visible:outline-brand-600"
                      >
                        <span>
                          <span className="block text-lg font-semibold text-stone-900">{hit.firstName ?? t("anonymous")}</span>
                          {hit.hint ? <span className="block text-sm text-stone-600">{hit.hint}</span> : null}
                        </span>
                        <span className="font-mono text-sm text-stone-600">•••• {hit.cardNumber.slice(-4)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )
            ) : null}
          </div>
        )}
      </div>
    </section>
  );
}

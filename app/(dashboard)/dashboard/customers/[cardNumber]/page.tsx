import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { ButtonLink } from "@/components/ui/button-link";
import { requireMerchantUser } from "@/lib/auth/session";
import { getCustomerCard } from "@/lib/customers/get-customer-card";
import { getWalletDelivery, type WalletDelivery } from "@/lib/customers/get-wallet-delivery";
import { listCardLedger, type LedgerRow } from "@/lib/customers/list-card-ledger";
import { formatCardNumber } from "@/lib/domain/card-number";
import { usesPoints, usesStamps } from "@/lib/domain/program-features";
import { isAppError } from "@/lib/errors";
import { adjustBalanceAction } from "./actions";
import { AdjustForm } from "./adjust-form";

type Props = { params: Promise<{ cardNumber: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cardNumber } = await params;
  return { title: (await getTranslations("dashboard.customers.detail"))("metaTitle", { number: formatCardNumber(cardNumber) }) };
}

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

export default async function CustomerCardPage({ params, searchParams }: Props) {
  const session = await requireMerchantUser();
  const [{ cardNumber }, { ledger: ledgerAfter }] = await Promise.all([params, searchParams]);
  // Another merchant's card number is simply not found here: 404, nothing about it.
  const card = await getCustomerCard(session.ctx, cardNumber).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, format, ledger, wallet] = await Promise.all([
    getTranslations("dashboard.customers"),
    getFormatter(),
    listCardLedger(session.ctx, card.id, typeof ledgerAfter === "string" ? ledgerAfter : undefined),
    getWalletDelivery(session.ctx, card.id),
  ]);
  const timeZone = session.merchant.timeZone;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });
  const stamps = usesStamps(card.program.type);
  const points = usesPoints(card.program.type);
  const { customer, balances } = card;
  const title = customer ? (customer.name ?? t("list.noName")) : t("list.erased");
  const notGiven = <span className="text-stone-500">{t("detail.notGiven")}</span>;

  return (
    <>
      <p className="mb-3 text-sm">
        <Link href="/dashboard/customers" className="font-medium text-brand-700 underline hover:text-brand-900">
          ← {t("detail.back")}
        </Link>
      </p>
      <PageHeader title={title} description={t("detail.cardNumber", { number: formatCardNumber(card.cardNumber) })} />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Section title={t("detail.customer.title")} id="customer">
          {customer ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
              <Term>{t("detail.customer.name")}</Term>
              <dd>{customer.name ?? notGiven}</dd>
              <Term>{t("detail.customer.email")}</Term>
              <dd className="break-all">{customer.email ?? notGiven}</dd>
              <Term>{t("detail.customer.phone")}</Term>
              <dd>{customer.phone ?? notGiven}</dd>
              <Term>{t("detail.customer.birthday")}</Term>
              <dd>
                {customer.birthday
                  ? format.dateTime(new Date(`${customer.birthday}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" })
                  : notGiven}
              </dd>
              <Term>{t("detail.customer.locale")}</Term>
              <dd>{t.has(`detail.locales.${customer.locale}`) ? t(`detail.locales.${customer.locale}`) : customer.locale}</dd>
              <Term>{t("detail.customer.consent")}</Term>
              <dd>
                {customer.emailConsent && customer.emailConsentAt
                  ? t("detail.customer.consentGiven", { date: when(customer.emailConsentAt), version: customer.emailConsentVersion ?? "—" })
                  : t("detail.customer.consentNotGiven")}
              </dd>
              <Term>{t("detail.customer.enrolled")}</Term>
              <dd>
                {card.enrolledAtStore
                  ? t("detail.customer.enrolledAt", { date: when(card.enrolledAt), store: card.enrolledAtStore })
                  : when(card.enrolledAt)}
              </dd>
              <Term>{t("detail.customer.lastActivity")}</Term>
              <dd>{card.lastActivityAt ? when(card.lastActivityAt) : t("list.never")}</dd>
            </dl>
          ) : (
            <p className="text-sm text-stone-700">{t("detail.customer.erased", { date: when(card.erasedAt ?? card.enrolledAt) })}</p>
          )}
        </Section>

        <Section title={t("detail.balances.title")} id="balances">
          <dl className="grid gap-4 sm:grid-cols-2">
            {stamps ? (
              <Figure label={t("detail.balances.stamps")}>
                {t("detail.balances.stampsValue", { count: balances.stampCount, target: card.program.stampsTarget })}
              </Figure>
            ) : null}
            {points ? <Figure label={t("detail.balances.points")}>{format.number(balances.pointsBalance)}</Figure> : null}
          </dl>
          <h3 className="mt-5 text-sm font-semibold text-stone-900">{t("detail.balances.rewards")}</h3>
          {card.rewards.stampReward || card.rewards.catalog.length > 0 ? (
            <ul className="mt-1 list-inside list-disc text-sm text-emerald-900">
              {card.rewards.stampReward ? <li>{card.program.stampsRewardDescription ?? t("detail.balances.stampReward")}</li> : null}
              {card.rewards.catalog.map((reward) => (
                <li key={reward.name}>{t("detail.balances.catalogReward", { name: reward.name, cost: reward.pointsCost })}</li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-stone-600">{t("detail.balances.noReward")}</p>
          )}
          <h3 className="mt-5 text-sm font-semibold text-stone-900">{t("detail.balances.lifetime")}</h3>
          <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm">
            {stamps ? (
              <>
                <Term>{t("detail.balances.stampsEarned")}</Term>
                <dd className="text-right tabular-nums">{format.number(balances.stampsEarned)}</dd>
                <Term>{t("detail.balances.stampRewardsRedeemed")}</Term>
                <dd className="text-right tabular-nums">{format.number(balances.stampRewardsRedeemed)}</dd>
              </>
            ) : null}
            {points ? (
              <>
                <Term>{t("detail.balances.pointsEarned")}</Term>
                <dd className="text-right tabular-nums">{format.number(balances.pointsEarned)}</dd>
                <Term>{t("detail.balances.pointsSpent")}</Term>
                <dd className="text-right tabular-nums">{format.number(balances.pointsSpent)}</dd>
              </>
            ) : null}
          </dl>
        </Section>
      </div>

      <div className="mt-6">
        <Section title={t("adjust.title")} description={t("adjust.description")} id="adjust">
          <AdjustForm action={adjustBalanceAction} cardNumber={card.cardNumber} stamps={stamps} points={points} initialKey={randomUUID()} />
        </Section>
      </div>

      <div className="mt-6">
        <Section title={t("ledger.title")} description={t("ledger.description")} id="history">
          <LedgerTable rows={ledger.rows} stamps={stamps} points={points} t={t} format={format} when={when} />
          {ledger.nextCursor || ledgerAfter ? (
            <nav aria-label={t("ledger.pagination")} className="mt-4 flex flex-wrap gap-3">
              {ledgerAfter ? (
                <ButtonLink href={`/dashboard/customers/${card.cardNumber}#history`} variant="secondary" className="px-4 py-2 text-sm">
                  {t("ledger.newest")}
                </ButtonLink>
              ) : null}
              {ledger.nextCursor ? (
                <ButtonLink
                  href={`/dashboard/customers/${card.cardNumber}?ledger=${ledger.nextCursor}#history`}
                  variant="secondary"
                  className="px-4 py-2 text-sm"
                >
                  {t("ledger.older")}
                </ButtonLink>
              ) : null}
            </nav>
          ) : null}
        </Section>
      </div>

      <div className="mt-6">
        <Section title={t("wallet.title")} description={t("wallet.description")} id="wallet">
          <WalletPanel wallet={wallet} t={t} when={when} />
        </Section>
      </div>
    </>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"dashboard.customers">>>;

function Term({ children }: { children: ReactNode }) {
  return <dt className="font-medium text-stone-600">{children}</dt>;
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg bg-brand-50 px-4 py-3">
      <dt className="text-sm font-medium text-stone-700">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums text-brand-900">{children}</dd>
    </div>
  );
}

function signed(value: number, format: Formatter): string {
  return format.number(value, { signDisplay: "exceptZero" });
}

function LedgerTable({
  rows,
  stamps,
  points,
  t,
  format,
  when,
}: {
  rows: LedgerRow[];
  stamps: boolean;
  points: boolean;
  t: T;
  format: Formatter;
  when: (date: Date) => string;
}) {
  if (rows.length === 0) return <p className="text-sm text-stone-600">{t("ledger.empty")}</p>;
  const by = (row: LedgerRow) => {
    if (!row.by) return <span className="text-stone-500">—</span>;
    return t(`ledger.by.${row.by.kind}`, { name: row.by.name });
  };
  return (
    <div className="-mx-5 overflow-x-auto sm:-mx-6">
      <table className="min-w-full divide-y divide-stone-200 text-sm">
        <caption className="sr-only">{t("ledger.caption")}</caption>
        <thead className="bg-stone-50 text-left text-xs font-semibold uppercase tracking-wide text-stone-600">
          <tr>
            <th scope="col" className="px-5 py-2 sm:px-6">
              {t("ledger.when")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("ledger.what")}
            </th>
            {stamps ? (
              <th scope="col" className="px-3 py-2 text-right">
                {t("ledger.stamps")}
              </th>
            ) : null}
            {points ? (
              <th scope="col" className="px-3 py-2 text-right">
                {t("ledger.points")}
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2">
              {t("ledger.where")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("ledger.who")}
            </th>
            <th scope="col" className="px-3 py-2 pr-5 sm:pr-6">
              {t("ledger.details")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top">
              <td className="whitespace-nowrap px-5 py-2 text-stone-700 sm:px-6">{when(row.at)}</td>
              <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-stone-900">
                {t(`ledger.types.${row.type}`)}
              </th>
              {stamps ? (
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  <span className={row.stampsDelta < 0 ? "text-red-700" : row.stampsDelta > 0 ? "text-emerald-800" : "text-stone-500"}>
                    {signed(row.stampsDelta, format)}
                  </span>
                  <span className="text-stone-500"> → {format.number(row.stampsAfter)}</span>
                </td>
              ) : null}
              {points ? (
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  <span className={row.pointsDelta < 0 ? "text-red-700" : row.pointsDelta > 0 ? "text-emerald-800" : "text-stone-500"}>
                    {signed(row.pointsDelta, format)}
                  </span>
                  <span className="text-stone-500"> → {format.number(row.pointsAfter)}</span>
                </td>
              ) : null}
              <td className="px-3 py-2 text-stone-700">{row.store ?? <span className="text-stone-500">—</span>}</td>
              <td className="px-3 py-2 text-stone-700">{by(row)}</td>
              <td className="px-3 py-2 pr-5 text-stone-700 sm:pr-6">
                {row.purchaseCents !== null ? (
                  <div>
                    {t("ledger.purchase", { amount: format.number(row.purchaseCents / 100, { style: "currency", currency: "EUR" }) })}
                  </div>
                ) : null}
                {row.orderReference ? <div>{t("ledger.order", { reference: row.orderReference })}</div> : null}
                {row.reward ? <div>{t("ledger.reward", { name: row.reward })}</div> : null}
                {row.reason ? <div className="italic">{t("ledger.reason", { reason: row.reason })}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function versionLine(t: T, current: number, delivered: number | null): string {
  if (delivered === null) return t("wallet.versionNone", { current });
  if (delivered >= current) return t("wallet.versionUpToDate", { delivered });
  return t("wallet.versionBehind", { delivered, current, pending: current - delivered });
}

function WalletPanel({ wallet, t, when }: { wallet: WalletDelivery; t: T; when: (date: Date) => string }) {
  const { apple, google } = wallet;
  const notConfigured = <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">{t("wallet.notConfigured")}</p>;
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <div className="space-y-2 text-sm">
          <h3 className="font-semibold text-stone-900">{t("wallet.apple")}</h3>
          {apple.configured ? null : notConfigured}
          {apple.devices.length === 0 ? (
            <p className="text-stone-700">{t("wallet.noDevice")}</p>
          ) : (
            <>
              <p className="text-stone-700">{versionLine(t, wallet.cardVersion, apple.deliveredVersion)}</p>
              <p className="text-stone-700">
                {apple.lastFetch
                  ? apple.lastFetch.version !== null
                    ? t("wallet.lastFetch", { date: when(apple.lastFetch.at), version: apple.lastFetch.version })
                    : t("wallet.lastFetchNoVersion", { date: when(apple.lastFetch.at) })
                  : t("wallet.neverFetched")}
              </p>
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm">
                  <caption className="mb-1 text-left text-stone-700">{t("wallet.devices", { count: apple.devices.length })}</caption>
                  <thead className="text-left text-xs font-semibold uppercase tracking-wide text-stone-600">
                    <tr>
                      <th scope="col" className="py-1 pr-3">
                        {t("wallet.device")}
                      </th>
                      <th scope="col" className="py-1 pr-3">
                        {t("wallet.registeredAt")}
                      </th>
                      <th scope="col" className="py-1 pr-3">
                        {t("wallet.lastPush")}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-stone-100">
                    {apple.devices.map((device) => (
                      <tr key={device.deviceId}>
                        <th scope="row" className="py-1 pr-3 text-left font-mono font-normal" title={device.deviceId}>
                          {device.deviceId.length > 10 ? `${device.deviceId.slice(0, 8)}…` : device.deviceId}
                        </th>
                        <td className="py-1 pr-3">{when(device.registeredAt)}</td>
                        <td className="py-1 pr-3">
                          {device.lastPushAt
                            ? t("wallet.pushResult", { date: when(device.lastPushAt), result: device.lastPushResult ?? "—" })
                            : t("wallet.neverPushed")}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
        <div className="space-y-2 text-sm">
          <h3 className="font-semibold text-stone-900">{t("wallet.google")}</h3>
          {google.configured ? null : notConfigured}
          {google.objectId ? (
            <>
              <p className="text-stone-700">
                {t("wallet.objectId")} <code className="break-all rounded bg-stone-100 px-1">{google.objectId}</code>
              </p>
              <p className="text-stone-700">{versionLine(t, wallet.cardVersion, google.deliveredVersion)}</p>
              <p className="text-stone-700">
                {google.lastPatch
                  ? t("wallet.lastPatch", { date: when(google.lastPatch.at), result: google.lastPatch.result ?? "—" })
                  : t("wallet.neverPatched")}
              </p>
            </>
          ) : (
            <p className="text-stone-700">{t("wallet.noObject")}</p>
          )}
        </div>
      </div>

      <div>
        <h3 className="text-sm font-semibold text-stone-900">{t("wallet.deliveries")}</h3>
        {wallet.deliveries.length === 0 ? (
          <p className="mt-1 text-sm text-stone-600">{t("wallet.deliveriesEmpty")}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="min-w-full divide-y divide-stone-200 text-sm">
              <caption className="sr-only">{t("wallet.deliveries")}</caption>
              <thead className="text-left text-xs font-semibold uppercase tracking-wide text-stone-600">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    {t("wallet.queuedAt")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("wallet.event")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("wallet.status")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    {t("wallet.attempts")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("wallet.outcome")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {wallet.deliveries.map((event, index) => (
                  <tr key={`${event.createdAt.toISOString()}-${index}`} className="align-top">
                    <th scope="row" className="whitespace-nowrap py-1 pr-3 text-left font-normal">
                      {when(event.createdAt)}
                    </th>
                    <td className="py-1 pr-3">{event.type === "wallet.card_changed" ? t("wallet.cardChanged") : event.type}</td>
                    <td className="py-1 pr-3">{t(`wallet.statuses.${event.status}`)}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{event.attempts}</td>
                    <td className="py-1 pr-3 text-stone-700">
                      {event.deliveredAt
                        ? t("wallet.deliveredAt", { date: when(event.deliveredAt) })
                        : event.status === "pending"
                          ? t("wallet.nextAttempt", { date: when(event.nextAttemptAt) })
                          : null}
                      {event.lastError ? <div className="break-all text-red-800">{event.lastError}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}

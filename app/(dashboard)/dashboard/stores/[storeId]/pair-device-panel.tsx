"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type PairingLink = { url: string; expiresAt: string; qrSvg: string };
type Action = (previous: ActionResult<PairingLink> | null, form: FormData) => Promise<ActionResult<PairingLink>>;

type PairDevicePanelProps = {
  action: Action;
  storeId: string;
  /** Tablets paired so far: when it grows while a link is shown, the link was used. */
  deviceCount: number;
  timeZone: string;
};

const REFRESH_EVERY_MS = 4_000;

/**
 * "Pair a tablet": makes a one-time link and shows it as a QR code and as text for the tablet
 * to open. While the link is valid the page refreshes itself, so the new tablet appears in the
 * list without a reload, and the link gives way to a confirmation.
 */
export function PairDevicePanel({ action, storeId, deviceCount, timeZone }: PairDevicePanelProps) {
  const t = useTranslations("dashboard.stores.devices");
  const format = useFormatter();
  const router = useRouter();
  const [countAtRequest, setCountAtRequest] = useState(deviceCount);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [expired, setExpired] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { state, onSubmit, pending } = useFormAction(action, () => {
    setCountAtRequest(deviceCount);
    setCopied(false);
  });
  const link = state?.ok ? state.data : null;
  const paired = link !== null && deviceCount > countAtRequest;
  const showing = link !== null && dismissed !== link.url && expired !== link.url && !paired;

  useEffect(() => {
    if (!link) return;
    const timer = setTimeout(() => setExpired(link.url), Math.max(0, new Date(link.expiresAt).getTime() - Date.now()));
    return () => clearTimeout(timer);
  }, [link]);

  useEffect(() => {
    if (!showing) return;
    const timer = setInterval(() => router.refresh(), REFRESH_EVERY_MS);
    return () => clearInterval(timer);
  }, [showing, router]);

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit}>
        <input type="hidden" name="storeId" value={storeId} />
        <SubmitButton pending={pending} pendingLabel={t("pairing")} variant={showing ? "secondary" : "primary"}>
          {showing ? t("pairAnother") : t("pair")}
        </SubmitButton>
      </form>
      <div aria-live="polite" className="space-y-4">
        {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
        {link && paired && dismissed !== link.url ? <FormMessage kind="success">{t("paired")}</FormMessage> : null}
        {link && expired === link.url && !paired ? <FormMessage kind="info">{t("linkExpired")}</FormMessage> : null}
        {link && showing ? (
          <div className="flex flex-col gap-5 rounded-lg border border-brand-200 bg-brand-50 p-4 sm:flex-row sm:items-start">
            {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made by the action; nothing to optimise */}
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`}
              alt={t("qrAlt")}
              width={192}
              height={192}
              className="h-48 w-48 shrink-0 rounded-md border border-stone-200 bg-white"
            />
            <div className="min-w-0 space-y-3">
              <h3 className="font-semibold text-stone-900">{t("linkTitle")}</h3>
              <p className="text-sm text-stone-700">
                {t("linkHelp", { time: format.dateTime(new Date(link.expiresAt), { timeStyle: "short", timeZone }) })}
              </p>
              <p>
                <a
                  href={link.url}
                  target="_blank"
                  rel="noreferrer"
                  className="break-all font-mono text-sm text-brand-800 underline"
                  data-testid="pairing-url"
                >
                  {link.url}
                </a>
              </p>
              <div className="flex flex-wrap gap-2">
                <button
                  type="button"
                  onClick={copy}
                  className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100"
                >
                  {copied ? t("copied") : t("copy")}
                </button>
                <button
                  type="button"
                  onClick={() => setDismissed(link.url)}
                  className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100"
                >
                  {t("hide")}
                </button>
              </div>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}

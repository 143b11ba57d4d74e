"use client";

import { useTranslations } from "next-intl";
import Image from "next/image";
import { useState } from "react";
import { inputClassName } from "@/components/forms/field";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

const DOWNLOAD =
  "inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2.5 font-semibold transition-colors focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

type PosterPanelProps = {
  storeId: string;
  defaultLocale: Locale;
  /** Changes when the store is edited, so the preview is fetched again rather than kept by the browser. */
  version: string;
};

/** The poster's preview in the chosen language, and the files to print. */
export function PosterPanel({ storeId, defaultLocale, version }: PosterPanelProps) {
  const t = useTranslations("dashboard.stores.posterPanel");
  const [locale, setLocale] = useState<Locale>(defaultLocale);
  const file = (format: "png" | "pdf", download: boolean) =>
    `/dashboard/stores/${storeId}/poster.${format}?locale=${locale}${download ? "&download=1" : ""}`;
  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,18rem)_1fr] md:items-start">
      <div className="overflow-hidden rounded-lg border border-stone-200 bg-stone-50 shadow-sm">
        <Image
          key={`${locale}-${version}`}
          src={`${file("png", false)}&v=${encodeURIComponent(version)}`}
          alt={t("previewAlt", { language: LOCALE_NAMES[locale] })}
          width={595}
          height={842}
          unoptimized
          className="h-auto w-full"
        />
      </div>
      <div className="space-y-5">
        <div className="max-w-xs">
          <label htmlFor="poster-locale" className="block text-sm font-medium text-stone-800">
            {t("language")}
          </label>
          <select
            id="poster-locale"
            value={locale}
            onChange={(event) => setLocale(event.target.value as Locale)}
            className={inputClassName}
          >
            {LOCALES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap gap-3">
          <a href={file("pdf", true)} download className={`${DOWNLOAD} bg-brand-700 text-white hover:bg-brand-900`}>
            {t("downloadPdf")}
          </a>
          <a href={file("png", true)} download className={`${DOWNLOAD} border border-stone-300 bg-white text-stone-900 hover:bg-stone-100`}>
            {t("downloadPng")}
          </a>
        </div>
        <ul className="list-disc space-y-1 pl-5 text-sm text-stone-700">
          <li>{t("tipPdf")}</li>
          <li>{t("tipPng")}</li>
          <li>{t("tipPlace")}</li>
        </ul>
      </div>
    </div>
  );
}

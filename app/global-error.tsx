"use client";

import { createTranslator } from "next-intl";
import { negotiateBrowserLocale } from "@/lib/i18n/browser-locale";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import lb from "@/messages/lb.json";
import "./globals.css";

const CATALOGS = { en, fr, de, lb };

// Replaces the root layout when it fails, so it cannot rely on the request's
// next-intl setup: it picks the catalog from the browser's languages itself.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = negotiateBrowserLocale(typeof navigator === "undefined" ? [] : navigator.languages);
  const t = createTranslator({ locale, messages: CATALOGS[locale], namespace: "globalError" });
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 text-stone-900">
        <main className="mx-auto flex max-w-xl flex-col items-start px-6 py-24">
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="mt-4 text-stone-700">{t("body")}</p>
          <button type="button" onClick={() => reset()} className="mt-8 rounded-lg bg-stone-900 px-5 py-3 font-semibold text-white">
            {t("retry")}
          </button>
        </main>
      </body>
    </html>
  );
}

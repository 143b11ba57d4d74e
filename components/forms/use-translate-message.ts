"use client";

import { useTranslations } from "next-intl";
import { parseMessageKey } from "@/lib/i18n/message-key";

/** Puts a schema's message key ("validation.email") into the person's language in a client form. */
export function useTranslateMessage(): (message: string) => string {
  const t = useTranslations();
  return (message) => {
    const parsed = parseMessageKey(message);
    if (!parsed) return message;
    // Keys come from our own schemas; next-intl types them as literal unions, so widen.
    return (t as unknown as (key: string, values?: Record<string, string | number>) => string)(parsed.key, parsed.values);
  };
}

import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/** What every customer form shows: field errors from the schemas, refusals from the actions, buttons. */
const FORM_NAMESPACES = ["validation", "errors", "forms"];

/**
 * The messages a customer page's client components need, and no others: these pages are opened on phones, often
 * over a slow connection, and every message given to the browser travels in the page's payload.
 */
export async function CustomerFormMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries([...FORM_NAMESPACES, ...namespaces].map((name) => [name, messages[name]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}

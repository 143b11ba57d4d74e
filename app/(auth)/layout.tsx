import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { setLocaleAction } from "../locale-actions";

/** Account pages: the public header, and the messages their client forms need. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return (
    <>
      <SiteHeader setLocaleAction={setLocaleAction} />
      <NextIntlClientProvider
        messages={{ auth: messages.auth, validation: messages.validation, errors: messages.errors, forms: messages.forms }}
      >
        {children}
      </NextIntlClientProvider>
    </>
  );
}

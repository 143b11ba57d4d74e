import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/** The counter's screens run full-screen on a store's tablet: no site header, and only the messages their forms need. */
export default async function CounterLayout({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider
      messages={{
        counterPairing: messages.counterPairing,
        counter: messages.counter,
        validation: messages.validation,
        errors: messages.errors,
        forms: messages.forms,
      }}
    >
      <div className="min-h-screen bg-stone-100">{children}</div>
    </NextIntlClientProvider>
  );
}

import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

type Messages = Awaited<ReturnType<typeof getMessages>>;

/** The namespaces every form needs: its buttons, field messages and error answers. */
const SHARED = ["forms", "validation", "errors"];

/** `messages` reduced to the given namespaces ("dashboard.stores" keeps only that part of "dashboard"). */
export function pickMessages(messages: Messages, namespaces: string[]): Messages {
  const picked: Record<string, unknown> = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let source: unknown = messages;
    for (const key of path) source = source && typeof source === "object" ? (source as Record<string, unknown>)[key] : undefined;
    if (source === undefined) continue;
    let target = picked;
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[path.at(-1)!] = source;
  }
  return picked as Messages;
}

/**
 * Gives the client components below the messages of their area only, not
 * the whole catalog: each page's HTML carries a few kilobytes of messages
 * instead of every dashboard page's. A provider replaces its parent's
 * messages, so the shared namespaces come along.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...SHARED, ...namespaces])}>{children}</NextIntlClientProvider>;
}

import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { LOCALES } from "@/lib/i18n/locales";
import de from "./de.json";
import en from "./en.json";
import fr from "./fr.json";
import lb from "./lb.json";

const catalogs: Record<(typeof LOCALES)[number], unknown> = { en, fr, de, lb };

/** "a.b.c" → message, for every leaf. */
function flatten(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") {
    out.set(prefix, value);
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, message] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(path, message);
    }
  }
  return out;
}

/** The ICU argument names a message uses ({name}, {count, plural, …}). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]) => {
    for (const element of elements as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
      if (element.value && element.type !== 0) names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, "en").getAst());
  return [...names].sort();
}

const english = flatten(en);

describe("messages", () => {
  it.each(LOCALES.filter((locale) => locale !== "en"))("%s has exactly the keys of en", (locale) => {
    const keys = [...flatten(catalogs[locale]).keys()].sort();
    expect(keys).toEqual([...english.keys()].sort());
  });

  it.each(LOCALES)("%s: every message parses and uses the same arguments as en", (locale) => {
    for (const [key, message] of flatten(catalogs[locale])) {
      expect(message.trim(), `${locale}: ${key} is empty`).not.toBe("");
      expect(argumentsOf(message), `${locale}: ${key}`).toEqual(argumentsOf(english.get(key)!));
    }
  });
});

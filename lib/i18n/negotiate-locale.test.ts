import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate-locale";

describe("negotiateLocale", () => {
  it.each([
    [undefined, null, "en"],
    [undefined, "fr-LU,fr;q=0.9,en;q=0.8", "fr"],
    [undefined, "de-DE", "de"],
    [undefined, "lb-LU,de;q=0.5", "lb"],
    [undefined, "pt-PT,es;q=0.8", "en"],
    [undefined, "es,de;q=0.3", "de"],
    ["lb", "fr-FR", "lb"],
    ["xx", "de", "de"],
    [undefined, ";;;q=abc", "en"],
  ])("cookie %s, Accept-Language %s gives %s", (cookie, header, expected) => {
    expect(negotiateLocale(cookie, header)).toBe(expected);
  });
});

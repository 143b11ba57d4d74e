import { describe, expect, it } from "vitest";
import { cardNumberRange, parseSearchTerms } from "./search-terms";

describe("parseSearchTerms", () => {
  it("reads nothing typed as no search", () => {
    expect(parseSearchTerms(undefined)).toEqual({ kind: "none" });
    expect(parseSearchTerms("   ")).toEqual({ kind: "none" });
  });

  it("reads words of a name, keeping accents for the database to fold", () => {
    expect(parseSearchTerms("  Hélène  Müller-Straße ")).toEqual({ kind: "text", words: ["Hélène", "Müller", "Straße"], emails: [] });
    expect(parseSearchTerms("O'Brien")).toEqual({ kind: "text", words: ["O", "Brien"], emails: [] });
  });

  it("reads a token with an @ as the start of an email, lower-cased, without characters an address cannot have", () => {
    expect(parseSearchTerms("DAVID@example")).toEqual({ kind: "text", words: [], emails: ["david@example"] });
    expect(parseSearchTerms("anna 'x'@ex.com")).toEqual({ kind: "text", words: ["anna"], emails: ["x@ex.com"] });
  });

  it("reads digits as a card number prefix and a phone number's end, however they are spaced", () => {
    expect(parseSearchTerms("4021 3377-0019")).toEqual({ kind: "number", cardPrefix: "402133770019", phoneTail: "33770019" });
    expect(parseSearchTerms("+352 621 123 456")).toEqual({ kind: "number", cardPrefix: "352621123456", phoneTail: "21123456" });
    expect(parseSearchTerms("00352 621 123 456")).toMatchObject({ phoneTail: "21123456" });
    expect(parseSearchTerms("06 12 34 56 78")).toMatchObject({ phoneTail: "12345678" });
    expect(parseSearchTerms("(621) 123.456")).toMatchObject({ phoneTail: "21123456" });
    expect(parseSearchTerms("22 33 44")).toMatchObject({ phoneTail: "223344" });
    expect(parseSearchTerms("0612")).toMatchObject({ phoneTail: "0612" });
    expect(parseSearchTerms("+33 6 12 34 56 78 90 12")).toMatchObject({ kind: "number", cardPrefix: null });
  });

  it("reads fewer than four digits as a word", () => {
    expect(parseSearchTerms("12")).toEqual({ kind: "text", words: ["12"], emails: [] });
  });

  it("keeps at most eight terms of at most 60 characters", () => {
    const many = parseSearchTerms("a b c d e f g h i j " + "x".repeat(100));
    expect(many).toMatchObject({ kind: "text" });
    if (many.kind !== "text") return;
    expect(many.words).toHaveLength(8);
    expect(parseSearchTerms("y".repeat(100))).toEqual({ kind: "text", words: ["y".repeat(60)], emails: [] });
  });

  it("reads punctuation alone as a search for nothing", () => {
    expect(parseSearchTerms("!!! ?")).toEqual({ kind: "text", words: [], emails: [] });
  });
});

describe("cardNumberRange", () => {
  it("spans every 12-digit number with the prefix", () => {
    expect(cardNumberRange("4021")).toEqual({ from: "402100000000", to: "402199999999" });
    expect(cardNumberRange("402133770019")).toEqual({ from: "402133770019", to: "402133770019" });
  });
});

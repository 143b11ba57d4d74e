import { describe, expect, it } from "vitest";
import { contrastRatio, isHexColor, readableTextOn } from "./color-contrast";

describe("color contrast", () => {
  it("measures the WCAG ratio", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#3b2314", "#ffffff")!).toBeGreaterThan(12);
    expect(contrastRatio("brown", "#ffffff")).toBeNull();
  });

  it("picks light text on dark backgrounds and dark text on light ones", () => {
    expect(readableTextOn("#3b2314")).toBe("#ffffff");
    expect(readableTextOn("#f5d9b8")).toBe("#1f1f1f");
    expect(readableTextOn("#ffee00")).toBe("#1f1f1f");
  });

  it("knows a #rrggbb color", () => {
    expect(isHexColor("#A0643a")).toBe(true);
    expect(isHexColor("#abc")).toBe(false);
    expect(isHexColor("a0643a")).toBe(false);
  });
});

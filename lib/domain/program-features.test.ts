import { describe, expect, it } from "vitest";
import { usesPoints, usesStamps, type ProgramType } from "./program-features";

describe("program features", () => {
  it.each([
    ["stamps", true, false],
    ["points", false, true],
    ["hybrid", true, true], // hybrid programs do both on the same card
  ] satisfies [ProgramType, boolean, boolean][])("a %s program: stamps %s, points %s", (type, stamps, points) => {
    expect(usesStamps(type)).toBe(stamps);
    expect(usesPoints(type)).toBe(points);
  });
});

import { describe, expect, it } from "vitest";
import { undecodablePath } from "./undecodable-path";

describe("undecodablePath", () => {
  it.each([
    ["/card/%zz", true],
    ["/card/%E0%A4%A", true],
    ["/api/x/%", true],
    ["/api/x/%C0%AF", true],
    ["/api/x/%FF", true],
    ["/card/abc", false],
    ["/card/caf%C3%A9", false],
    ["/api/x/%2F", false],
    ["/join/%25E0%25A4%25A", false],
    ["/card/abc?q=%zz", false],
    ["/", false],
  ])("%s → %s", (url, expected) => {
    expect(undecodablePath(url)).toBe(expected);
  });
});

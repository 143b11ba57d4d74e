import { describe, expect, it } from "vitest";
import { z } from "zod";
import { validationError } from "./zod-problem";

describe("validationError", () => {
  const schema = z.object({ cardNumber: z.string() }).strict();

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])(
    "names an unknown field called %s (found by the hostile-input suite: it was a 500)",
    (key) => {
      const parsed = schema.safeParse(JSON.parse(`{"cardNumber":"1","${key}":{"x":1}}`));
      const error = validationError(parsed.error!, "body");
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(Object.getOwnPropertyDescriptor(error.details.fieldErrors, key)?.value).toEqual(["validation.unknownField"]);
      expect(Object.getPrototypeOf(error.details.fieldErrors)).toBe(Object.prototype);
    },
  );

  it("lists each field's problems", () => {
    const parsed = z.object({ a: z.string(), b: z.number() }).strict().safeParse({ b: "x", c: 1 });
    expect(validationError(parsed.error!, "body").details.fieldErrors).toEqual({
      a: [expect.any(String)],
      b: [expect.any(String)],
      c: ["validation.unknownField"],
    });
  });
});

import type { z } from "zod";
import { messageKey } from "./message-key";

/**
 * The message key for a zod issue: the schema's own key when it gave one,
 * else a generic key for the issue's kind (a missing value, a number out of
 * range, text too long…).
 */
export function zodIssueKey(issue: z.core.$ZodIssue): string {
  if (issue.message.startsWith("validation.")) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null || issue.input === "") return "validation.required";
      return issue.expected === "number" || issue.expected === "int" ? "validation.number" : "validation.invalid";
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "validation.required" : "validation.tooShort";
      if (issue.origin === "array") return "validation.required";
      return messageKey("validation.min", { minimum: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string" || issue.origin === "array") return "validation.tooLong";
      return messageKey("validation.max", { maximum: Number(issue.maximum) });
    case "invalid_format":
      if (issue.format === "email") return "validation.email";
      if (issue.format === "date") return "validation.date";
      return "validation.invalid";
    case "not_multiple_of":
      return "validation.wholeNumber";
    default:
      return "validation.invalid";
  }
}

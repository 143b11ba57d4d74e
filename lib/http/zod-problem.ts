import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { zodIssueKey } from "@/lib/i18n/zod-issue-key";

/** A zod failure as VALIDATION_FAILED with each field named (unknown fields included); messages are keys. */
export function validationError(error: z.ZodError, where: "body" | "query"): AppError {
  // A Map, not an object: a client's unknown field may be called "__proto__" or "constructor".
  const errors = new Map<string, string[]>();
  const add = (field: string, message: string) => errors.set(field, [...(errors.get(field) ?? []), message]);
  for (const issue of error.issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add(base ? `${base}.${key}` : key, "validation.unknownField");
    } else {
      add(base || `(${where})`, zodIssueKey(issue));
    }
  }
  const fieldErrors: Record<string, string[]> = Object.fromEntries(errors);
  const fields = [...errors.keys()].join(", ");
  return new AppError(
    "VALIDATION_FAILED",
    { fieldErrors },
    `Invalid ${where === "body" ? "request body" : "query parameters"}: ${fields}.`,
  );
}

import type { ErrorCode } from "@/lib/errors";

/** What every server action answers (for useActionState), already in the person's language. */
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; retryAfter?: number };

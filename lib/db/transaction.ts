import "server-only";
import type { PrismaClient } from "./generated/client";

/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Interactive transactions that change balances wait for a card's row lock;
 * fifty requests on one card queue behind each other, so allow them time.
 */
export const BALANCE_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/** Whether an error is a unique-constraint violation (on the named constraint or columns when given). */
export function isUniqueViolation(error: unknown, target?: string): boolean {
  const e = error as {
    code?: string;
    meta?: { target?: unknown; driverAdapterError?: { cause?: { kind?: string; constraint?: unknown } } };
    message?: string;
  };
  const unique =
    e?.code === "P2002" ||
    e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation" ||
    /unique constraint/i.test(e?.message ?? "");
  if (!unique || !target) return unique;
  return JSON.stringify(e.meta ?? {}).includes(target) || (e.message ?? "").includes(target);
}

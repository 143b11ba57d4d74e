import "server-only";
import { afterCursor, decodeCursor, encodeCursor } from "@/lib/cards/cursor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { AdminContext } from "./admin-context";
import type { OutboxQuery } from "./schemas";

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxProblem = {
  id: string;
  type: string;
  /** "failing": still retried (its last attempt failed); "dead": out of attempts, waiting for an admin. */
  state: "failing" | "dead";
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
  merchant: { id: string; name: string } | null;
};

export type OutboxProblemPage = { events: OutboxProblem[]; nextCursor: string | null; counts: { failing: number; dead: number } };

const KIND_PREFIX = { wallet: "wallet.", mail: "mail.", stats: "stats." } as const;

/**
 * Deliveries in trouble, newest first: events whose last attempt failed and
 * that are still being retried, and dead ones (out of attempts). The payload
 * is not shown: an email's holds a customer's address and message.
 */
export async function listOutboxProblems(_ctx: AdminContext, query: OutboxQuery): Promise<OutboxProblemPage> {
  const failing: Prisma.OutboxEventWhereInput = { status: "pending", lastError: { not: null } };
  const dead: Prisma.OutboxEventWhereInput = { status: "dead" };
  const state = query.status === "failing" ? failing : query.status === "dead" ? dead : { OR: [failing, dead] };
  const kind = query.kind ? { type: { startsWith: KIND_PREFIX[query.kind] } } : {};
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const [rows, failingCount, deadCount] = await Promise.all([
    db.outboxEvent.findMany({
      where: { AND: [state, kind, afterCursor(cursor)] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: OUTBOX_PAGE_SIZE + 1,
      select: {
        id: true,
        type: true,
        status: true,
        attempts: true,
        lastError: true,
        nextAttemptAt: true,
        createdAt: true,
        updatedAt: true,
        merchant: { select: { id: true, name: true } },
      },
    }),
    db.outboxEvent.count({ where: failing }),
    db.outboxEvent.count({ where: dead }),
  ]);
  const page = rows.slice(0, OUTBOX_PAGE_SIZE);
  const last = page.at(-1);
  return {
    events: page.map((row) => ({
      id: row.id,
      type: row.type,
      state: row.status === "dead" ? "dead" : "failing",
      attempts: row.attempts,
      lastError: row.lastError,
      nextAttemptAt: row.status === "dead" ? null : row.nextAttemptAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      merchant: row.merchant,
    })),
    nextCursor: rows.length > OUTBOX_PAGE_SIZE && last ? encodeCursor(last) : null,
    counts: { failing: failingCount, dead: deadCount },
  };
}

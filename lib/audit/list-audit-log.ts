import "server-only";
import { afterCursor, decodeCursor, encodeCursor } from "@/lib/cards/cursor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { ServiceContext } from "@/lib/service-context";
import { describeActors, describeTargets, type AuditActorView, type AuditTargetView } from "./audit-names";
import type { AuditLogQuery } from "./schemas";

export const AUDIT_PAGE_SIZE = 50;

export type AuditEntryView = {
  id: string;
  createdAt: string;
  action: string;
  actor: AuditActorView;
  target: AuditTargetView | null;
  details: Prisma.JsonValue | null;
};

export type AuditLogPage = { entries: AuditEntryView[]; nextCursor: string | null };

/**
 * The merchant's audit log, newest first, a page at a time: keyset pages on
 * (created_at, id), so a page deep in the log costs what the first one does
 * and entries written meanwhile neither repeat nor go missing. Filters: an
 * action or a whole area ("store"), and who acted.
 */
export async function listAuditLog(ctx: ServiceContext, query: AuditLogQuery, limit = AUDIT_PAGE_SIZE): Promise<AuditLogPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await db.auditLog.findMany({
    where: { merchantId: ctx.merchantId, ...actionWhere(query.action), ...personWhere(query.person), AND: [afterCursor(cursor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, createdAt: true, action: true, actorType: true, actorId: true, targetType: true, targetId: true, details: true },
  });
  const page = rows.slice(0, limit);
  const [actorOf, targetOf] = await Promise.all([describeActors(ctx.merchantId, page), describeTargets(ctx.merchantId, page)]);
  const last = page.at(-1);
  return {
    entries: page.map((row) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      action: row.action,
      actor: actorOf(row),
      target: targetOf(row),
      details: row.details,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

function actionWhere(action: string | undefined): Prisma.AuditLogWhereInput {
  if (!action) return {};
  return action.includes(".") ? { action } : { action: { startsWith: `${action}.` } };
}

function personWhere(person: string | undefined): Prisma.AuditLogWhereInput {
  if (!person) return {};
  if (person === "system" || person === "admin") return { actorType: person };
  const [kind, id] = person.split(":") as ["user" | "api_key" | "staff", string];
  return { actorType: kind, actorId: id };
}

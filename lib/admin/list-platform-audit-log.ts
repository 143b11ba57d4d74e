import "server-only";
import { afterCursor, decodeCursor, encodeCursor } from "@/lib/cards/cursor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { AdminContext } from "./admin-context";
import type { PlatformAuditQuery } from "./schemas";

export const PLATFORM_AUDIT_PAGE_SIZE = 50;

export type PlatformAuditEntry = {
  id: string;
  createdAt: string;
  action: string;
  actorType: "user" | "admin" | "api_key" | "staff" | "system";
  /** A person's name or email, an API key's name, a staff member's or tablet's name; null when unknown. */
  actorName: string | null;
  merchant: { id: string; name: string } | null;
  targetType: string | null;
  targetId: string | null;
  details: Prisma.JsonValue | null;
};

export type PlatformAuditPage = { entries: PlatformAuditEntry[]; nextCursor: string | null };

export type PlatformAuditFilters = { actions: string[]; merchants: { id: string; name: string }[] };

function actionWhere(action: string | undefined): Prisma.AuditLogWhereInput {
  if (!action) return {};
  return action.includes(".") ? { action } : { action: { startsWith: `${action}.` } };
}

/**
 * The whole platform's audit log, newest first, in keyset pages: every
 * admin action and every change merchants made, filtered by action or
 * area, by merchant, and by who acted (platform admins, or merchants'
 * people, keys and tablets).
 */
export async function listPlatformAuditLog(_ctx: AdminContext, query: PlatformAuditQuery): Promise<PlatformAuditPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const actor: Prisma.AuditLogWhereInput =
    query.actor === "admin" ? { actorType: "admin" } : query.actor === "merchant" ? { actorType: { not: "admin" } } : {};
  const rows = await db.auditLog.findMany({
    where: { AND: [actionWhere(query.action), query.merchant ? { merchantId: query.merchant } : {}, actor, afterCursor(cursor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PLATFORM_AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      createdAt: true,
      action: true,
      actorType: true,
      actorId: true,
      targetType: true,
      targetId: true,
      details: true,
      merchant: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, PLATFORM_AUDIT_PAGE_SIZE);
  const ids = (types: string[]) => [
    ...new Set(page.filter((row) => types.includes(row.actorType) && row.actorId).map((row) => row.actorId!)),
  ];
  // An admin sees every merchant: actors are named by id alone.
  const [users, apiKeys, staff, devices] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids(["user", "admin"]) } }, select: { id: true, name: true, email: true } }),
    db.apiKey.findMany({ where: { id: { in: ids(["api_key"]) } }, select: { id: true, name: true } }),
    db.staffMember.findMany({ where: { id: { in: ids(["staff"]) } }, select: { id: true, name: true } }),
    db.counterDevice.findMany({ where: { id: { in: ids(["staff"]) } }, select: { id: true, name: true } }),
  ]);
  const names = new Map<string, string>([
    ...users.map((row) => [row.id, row.name ? `${row.name} (${row.email})` : row.email] as const),
    ...apiKeys.map((row) => [row.id, row.name] as const),
    ...staff.map((row) => [row.id, row.name] as const),
    ...devices.map((row) => [row.id, row.name] as const),
  ]);
  const last = page.at(-1);
  return {
    entries: page.map((row) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      action: row.action,
      actorType: row.actorType,
      actorName: row.actorId ? (names.get(row.actorId) ?? null) : null,
      merchant: row.merchant,
      targetType: row.targetType,
      targetId: row.targetId,
      details: row.details,
    })),
    nextCursor: rows.length > PLATFORM_AUDIT_PAGE_SIZE && last ? encodeCursor(last) : null,
  };
}

/** What the platform log's filters offer: the actions recorded, and the merchants that have entries. */
export async function listPlatformAuditFilters(_ctx: AdminContext): Promise<PlatformAuditFilters> {
  const [actions, merchants] = await Promise.all([
    db.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.merchant.findMany({ where: { auditLogs: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { actions: actions.map((row) => row.action), merchants };
}

import "server-only";
import { afterCursor, decodeCursor, encodeCursor } from "@/lib/cards/cursor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { AdminContext } from "./admin-context";
import { readMerchantFigures } from "./read-merchant-figures";
import type { AdminProgramSummary, ListMerchantsQuery } from "./schemas";

export type MerchantListPage = { programs: AdminProgramSummary[]; nextCursor: string | null };

/**
 * Every merchant of the platform (the admin console's list, and the admin
 * API's programs), newest first, a keyset page at a time: searched by name
 * or owner email, filtered by status and program type, with members and
 * members active in the last 30 days from the statistics summaries.
 * `withProgram` leaves out merchants who have not set up a program (the API).
 */
export async function listMerchants(
  ctx: AdminContext,
  query: ListMerchantsQuery,
  options: { withProgram?: boolean } = {},
): Promise<MerchantListPage> {
  const limit = query.limit;
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const and: Prisma.MerchantWhereInput[] = [afterCursor(cursor)];
  if (query.q) {
    and.push({
      OR: [
        { name: { contains: query.q, mode: "insensitive" } },
        { users: { some: { role: "owner", email: { contains: query.q.toLowerCase() } } } },
      ],
    });
  }
  if (query.status) and.push({ status: query.status });
  if (query.type === "none") and.push({ program: { is: null } });
  else if (query.type) and.push({ program: { is: { type: query.type } } });
  if (options.withProgram) and.push({ program: { isNot: null } });

  const rows = await db.merchant.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      name: true,
      status: true,
      createdAt: true,
      program: { select: { id: true, type: true, cardName: true } },
      users: { where: { role: "owner" }, select: { email: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  const page = rows.slice(0, limit);
  const figures = await readMerchantFigures(
    page.map((row) => row.id),
    ctx.clock.now(),
  );
  const last = page.at(-1);
  return {
    programs: page.map((row) => ({
      id: row.program?.id ?? null,
      merchant: {
        id: row.id,
        name: row.name,
        status: row.status,
        ownerEmail: row.users[0]?.email ?? null,
        createdAt: row.createdAt.toISOString(),
      },
      type: row.program?.type ?? null,
      cardName: row.program?.cardName ?? null,
      members: figures.get(row.id)?.members ?? 0,
      activeMembers30Days: figures.get(row.id)?.activeMembers30Days ?? 0,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

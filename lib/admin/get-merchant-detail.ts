import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { buildDailySeries, type DailySeries } from "@/lib/stats/get-activity-series";
import { summarizeProgramStats, type ProgramStats } from "@/lib/stats/get-program-stats";
import { loadActivity } from "@/lib/stats/load-activity";
import type { AdminContext } from "./admin-context";

export type RecentActivity = {
  id: string;
  type: string;
  stampsDelta: number;
  pointsDelta: number;
  storeName: string | null;
  createdAt: string;
};

export type MerchantDetail = {
  merchant: {
    id: string;
    name: string;
    status: "active" | "suspended";
    suspendedAt: string | null;
    suspendedReason: string | null;
    timeZone: string;
    createdAt: string;
    isDemo: boolean;
  };
  users: { id: string; name: string | null; email: string; role: string; active: boolean; lastLoginAt: string | null }[];
  program: {
    id: string;
    type: "stamps" | "points" | "hybrid";
    cardName: string;
    active: boolean;
    stampsTarget: number;
    stampsRewardDescription: string | null;
    pointsPerEuro: number;
    cooldownMinutes: number;
    maxDailyStamps: number;
  } | null;
  stores: { id: string; name: string; code: string; archived: boolean }[];
  counterDevices: number;
  apiKeys: number;
  stats: ProgramStats;
  series: DailySeries;
  recentActivity: RecentActivity[];
};

/** One merchant as the admin console shows it: account, program, stores, 30-day statistics and 90-day chart, latest ledger entries. */
export async function getMerchantDetail(ctx: AdminContext, merchantId: string): Promise<MerchantDetail> {
  const merchant = await db.merchant.findUnique({
    where: { id: merchantId },
    select: {
      id: true,
      name: true,
      status: true,
      suspendedAt: true,
      suspendedReason: true,
      timeZone: true,
      createdAt: true,
      isDemo: true,
      users: {
        orderBy: { createdAt: "asc" },
        select: { id: true, name: true, email: true, role: true, active: true, lastLoginAt: true },
      },
      program: true,
      stores: { orderBy: { createdAt: "asc" }, select: { id: true, name: true, code: true, archivedAt: true } },
    },
  });
  if (!merchant) throw new AppError("NOT_FOUND");
  const [activity, counterDevices, apiKeys, entries] = await Promise.all([
    loadActivity(merchant.id, merchant.timeZone, ctx.clock.now(), 90),
    db.counterDevice.count({ where: { merchantId, revokedAt: null } }),
    db.apiKey.count({ where: { merchantId, revokedAt: null } }),
    db.ledgerEntry.findMany({
      where: { merchantId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 10,
      select: { id: true, type: true, stampsDelta: true, pointsDelta: true, createdAt: true, store: { select: { name: true } } },
    }),
  ]);
  const program = merchant.program;
  return {
    merchant: {
      id: merchant.id,
      name: merchant.name,
      status: merchant.status,
      suspendedAt: merchant.suspendedAt?.toISOString() ?? null,
      suspendedReason: merchant.suspendedReason,
      timeZone: merchant.timeZone,
      createdAt: merchant.createdAt.toISOString(),
      isDemo: merchant.isDemo,
    },
    users: merchant.users.map((user) => ({ ...user, lastLoginAt: user.lastLoginAt?.toISOString() ?? null })),
    program: program
      ? {
          id: program.id,
          type: program.type,
          cardName: program.cardName,
          active: program.active,
          stampsTarget: program.stampsTarget,
          stampsRewardDescription: program.stampsRewardDescription,
          pointsPerEuro: program.pointsPerEuro,
          cooldownMinutes: program.cooldownMinutes,
          maxDailyStamps: program.maxDailyStamps,
        }
      : null,
    stores: merchant.stores.map((store) => ({ id: store.id, name: store.name, code: store.code, archived: store.archivedAt !== null })),
    counterDevices,
    apiKeys,
    stats: summarizeProgramStats(activity),
    series: buildDailySeries(activity.since, activity.today, activity.days),
    recentActivity: entries.map((entry) => ({
      id: entry.id,
      type: entry.type,
      stampsDelta: entry.stampsDelta,
      pointsDelta: entry.pointsDelta,
      storeName: entry.store?.name ?? null,
      createdAt: entry.createdAt.toISOString(),
    })),
  };
}

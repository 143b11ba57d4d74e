import "server-only";
import { db } from "@/lib/db";
import type { ProgramType } from "@/lib/domain/program-features";
import { AppError } from "@/lib/errors";

/** The rules a balance change needs, read once before its transaction. */
export type CounterContext = {
  timeZone: string;
  storeId: string;
  program: {
    id: string;
    type: ProgramType;
    active: boolean;
    stampsTarget: number;
    stampsRewardDescription: string | null;
    cooldownMinutes: number;
    maxDailyStamps: number;
    pointsPerEuro: number;
    maxPurchaseCents: number;
    requireStaffPin: boolean;
  };
};

type Row = {
  timeZone: string;
  storeId: string | null;
  storeArchived: boolean | null;
  programId: string | null;
} & Omit<CounterContext["program"], "id">;

/**
 * The merchant's time zone and program, and the store the change happens at,
 * in one query. A store of another merchant, or an archived one, is not found.
 */
export async function loadCounterContext(merchantId: string, storeId: string): Promise<CounterContext> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT m.time_zone AS "timeZone", s.id AS "storeId", (s.archived_at IS NOT NULL) AS "storeArchived",
           p.id AS "programId", p.type::text AS type, p.active, p.stamps_target AS "stampsTarget",
           p.stamps_reward_description AS "stampsRewardDescription", p.cooldown_minutes AS "cooldownMinutes",
           p.max_daily_stamps AS "maxDailyStamps", p.points_per_euro AS "pointsPerEuro",
           p.max_purchase_cents AS "maxPurchaseCents", p.require_staff_pin AS "requireStaffPin"
    FROM merchants m
    LEFT JOIN programs p ON p.merchant_id = m.id
    LEFT JOIN stores s ON s.id = ${storeId}::uuid AND s.merchant_id = m.id
    WHERE m.id = ${merchantId}::uuid`;
  const row = rows[0];
  if (!row?.storeId || row.storeArchived) {
    throw new AppError("NOT_FOUND", { fieldErrors: { storeId: ["No open store with this id at this merchant."] } }, "Store not found.");
  }
  if (!row.programId) throw new AppError("NOT_FOUND", {}, "This merchant has no loyalty program yet: create one first.");
  const { timeZone, storeId: foundStore, programId, storeArchived: _archived, ...program } = row;
  return { timeZone, storeId: foundStore, program: { id: programId, ...program } };
}

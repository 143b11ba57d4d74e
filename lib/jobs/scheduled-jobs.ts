import "server-only";
import { expirePoints } from "./scheduled/expire-points";
import { grantBirthdayRewards } from "./scheduled/grant-birthday-rewards";
import { pruneRecords } from "./scheduled/prune-records";
import { syncWalletPasses } from "./scheduled/sync-wallet-passes";
import type { ScheduledJob } from "./scheduler";

/** The recurring jobs every app instance schedules (lib/jobs/scheduler.ts runs each period once across instances). */
export const SCHEDULED_JOBS: ScheduledJob[] = [
  { name: "loyalty.sync_wallet_passes", schedule: { kind: "hourly" }, run: syncWalletPasses },
  {
    name: "loyalty.expire_points",
    schedule: {
      kind: "dailyPerMerchant",
      hour: 2,
      eligible: "EXISTS (SELECT 1 FROM programs p WHERE p.merchant_id = m.id AND p.points_expiry_months IS NOT NULL)",
    },
    run: expirePoints,
  },
  {
    name: "loyalty.birthday_rewards",
    schedule: {
      kind: "dailyPerMerchant",
      hour: 9,
      eligible: "m.status = 'active' AND EXISTS (SELECT 1 FROM programs p WHERE p.merchant_id = m.id AND p.birthday_reward_enabled)",
    },
    run: grantBirthdayRewards,
  },
  { name: "loyalty.prune_records", schedule: { kind: "hourly" }, run: pruneRecords },
];

export const SCHEDULED_JOB_NAMES = SCHEDULED_JOBS.map((job) => job.name);

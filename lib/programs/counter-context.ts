import type { ProgramType } from "@/lib/domain/program-features";

/** The rules a counter operation needs: the merchant's time zone, the store, and the program. */
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

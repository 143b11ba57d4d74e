import { z } from "zod";

const periodCounts = z.object({ today: z.number().int(), last7Days: z.number().int(), last30Days: z.number().int() });

const breakdown = {
  stampsIssued: z.number().int(),
  pointsIssued: z.number().int(),
  rewardsRedeemed: z.number().int(),
  purchases: z.number().int(),
  purchaseCents: z.number().int(),
  newMembers: z.number().int(),
};

/** GET /stats. Days are the merchant's calendar days; 30-day breakdowns by store and staff member. */
export const programStatsSchema = z.object({
  asOf: z.iso.datetime(),
  timeZone: z.string(),
  members: z.number().int(),
  activeMembers30Days: z.number().int(),
  newMembers: periodCounts,
  returningMembers30Days: z.number().int(),
  stampsIssued: periodCounts,
  pointsIssued: periodCounts,
  pointsRedeemed: periodCounts,
  rewardsEarned: periodCounts,
  rewardsRedeemed: periodCounts,
  redemptionRate30Days: z.number().nullable().meta({ description: "Stamp rewards redeemed / earned in the last 30 days." }),
  averagePurchaseCents30Days: z.number().int().nullable(),
  byStore: z.array(z.object({ storeId: z.uuid().nullable(), name: z.string().nullable(), ...breakdown })),
  byStaff: z.array(z.object({ staffMemberId: z.uuid().nullable(), name: z.string().nullable(), ...breakdown })),
});

export type ProgramStats = z.infer<typeof programStatsSchema>;

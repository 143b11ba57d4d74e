import { z } from "zod";

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "validation.hexColor");

/** Fields of a program as the API and the dashboard write them (design.md: POST/PATCH /program). */
export const programFieldsSchema = z
  .object({
    loyaltyType: z.enum(["stamps", "points", "hybrid"]),
    cardName: z.string().trim().min(1).max(60),
    stampsTarget: z.number().int().min(1).max(50),
    stampsRewardDescription: z.string().trim().min(1).max(200).nullable(),
    pointsPerEuro: z.number().int().min(0).max(1000),
    maxPurchaseCents: z.number().int().min(1).max(100_000_000),
    cooldownMinutes: z.number().int().min(0).max(1440),
    maxDailyStamps: z.number().int().min(1).max(100),
    requireStaffPin: z.boolean(),
    cardColor: hexColor,
    foregroundColor: hexColor,
    labelColor: hexColor,
    active: z.boolean(),
  })
  .strict();

export const createProgramInputSchema = programFieldsSchema.partial().required({ loyaltyType: true, cardName: true }).strict();
export type CreateProgramInput = z.infer<typeof createProgramInputSchema>;

export const updateProgramInputSchema = programFieldsSchema
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: "validation.atLeastOneField" });
export type UpdateProgramInput = z.infer<typeof updateProgramInputSchema>;

export const createRewardInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    description: z.string().trim().max(300).nullable().optional(),
    pointsCost: z.number().int().min(1).max(10_000_000),
  })
  .strict();
export type CreateRewardInput = z.infer<typeof createRewardInputSchema>;

export const updateRewardInputSchema = createRewardInputSchema
  .extend({ active: z.boolean() })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: "validation.atLeastOneField" });
export type UpdateRewardInput = z.infer<typeof updateRewardInputSchema>;

// ─── Responses ────────────────────────────────────────────────────────────

export const rewardViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  pointsCost: z.number().int(),
  active: z.boolean(),
});

export const programViewSchema = z.object({
  id: z.uuid(),
  loyaltyType: z.enum(["stamps", "points", "hybrid"]),
  cardName: z.string(),
  stampsTarget: z.number().int(),
  stampsRewardDescription: z.string().nullable(),
  pointsPerEuro: z.number().int(),
  maxPurchaseCents: z.number().int(),
  cooldownMinutes: z.number().int(),
  maxDailyStamps: z.number().int(),
  requireStaffPin: z.boolean(),
  cardColor: z.string(),
  foregroundColor: z.string(),
  labelColor: z.string(),
  hasLogo: z.boolean(),
  active: z.boolean(),
  rewards: z.array(rewardViewSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "validation.hexColor");

/** The largest bound a program may set on one purchase (1 000 000 €). */
export const MAX_PURCHASE_CENTS_LIMIT = 100_000_000;

/** Fields of a program as the API and the dashboard write them (design.md: POST/PATCH /program). */
export const programFieldsSchema = z
  .object({
    loyaltyType: z.enum(["stamps", "points", "hybrid"]),
    cardName: z.string().trim().min(1).max(60),
    stampsTarget: z.number().int().min(1).max(50),
    stampsRewardDescription: z.string().trim().min(1).max(200).nullable(),
    pointsPerEuro: z.number().int().min(0).max(1000),
    // The dashboard shows this in euros: the messages speak of euros, which is just as clear for cents sent to the API.
    maxPurchaseCents: z
      .number()
      .int()
      .min(1, "validation.amountPositive")
      .max(MAX_PURCHASE_CENTS_LIMIT, messageKey("validation.maxPurchaseEuros", { maximum: MAX_PURCHASE_CENTS_LIMIT / 100 })),
    cooldownMinutes: z.number().int().min(0).max(1440),
    maxDailyStamps: z.number().int().min(1).max(100),
    requireStaffPin: z.boolean(),
    /** A counter tablet locks after this many minutes without an action, and this many hours after the PIN. */
    staffSessionIdleMinutes: z.number().int().min(1).max(60),
    staffSessionMaxHours: z.number().int().min(1).max(24),
    /** Points expire after this many months without activity on the card; null: never (the default). */
    pointsExpiryMonths: z.number().int().min(1).max(120).nullable(),
    /** On the customer's birthday (when they gave one), these stamps and points are credited to the card. */
    birthdayRewardEnabled: z.boolean(),
    birthdayRewardStamps: z.number().int().min(0).max(50),
    birthdayRewardPoints: z.number().int().min(0).max(100_000),
    /** The barcode on the Apple Wallet pass: QR (the default), or Code 128 for scanners that read only 1D codes. */
    walletBarcode: z.enum(["qr", "code128"]),
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

const rewardChangesSchema = createRewardInputSchema.extend({ active: z.boolean() }).partial().strict();

export const updateRewardInputSchema = rewardChangesSchema.refine((value) => Object.keys(value).length > 0, {
  message: "validation.atLeastOneField",
});
export type UpdateRewardInput = z.infer<typeof updateRewardInputSchema>;

/** The same changes from a dashboard form, which names the reward in a hidden field. */
export const updateRewardFormSchema = rewardChangesSchema
  .extend({ rewardId: z.uuid() })
  .refine((value) => Object.keys(value).length > 1, { message: "validation.atLeastOneField" });

// ─── Logo ────────────────────────────────────────────────────────────────

/** What a logo may be (checked on the bytes by the server): PNG for Apple's passes, JPEG converted later. */
export const LOGO_RULES = {
  mimeTypes: ["image/png", "image/jpeg"],
  maxBytes: 1024 * 1024,
  minSide: 100,
  maxSide: 2000,
} as const;

export type LogoMimeType = (typeof LOGO_RULES.mimeTypes)[number];

/** The uploaded file as the form sends it; its type, size and dimensions are checked on its bytes by the service. */
export const uploadLogoFormSchema = z.object({
  logo: z.custom<Blob>((value) => typeof Blob !== "undefined" && value instanceof Blob && value.size > 0, "validation.logoRequired"),
});

/** Removing the logo takes nothing but the session. */
export const removeLogoFormSchema = z.object({}).strict();

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
  staffSessionIdleMinutes: z.number().int(),
  staffSessionMaxHours: z.number().int(),
  pointsExpiryMonths: z.number().int().nullable(),
  birthdayRewardEnabled: z.boolean(),
  birthdayRewardStamps: z.number().int(),
  birthdayRewardPoints: z.number().int(),
  walletBarcode: z.enum(["qr", "code128"]),
  cardColor: z.string(),
  foregroundColor: z.string(),
  labelColor: z.string(),
  hasLogo: z.boolean(),
  active: z.boolean(),
  rewards: z.array(rewardViewSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

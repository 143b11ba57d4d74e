import { z } from "zod";
import { customerInputSchema } from "@/lib/cards/schemas";

/**
 * The public enrollment and card-recovery bodies: the JSON API, the join
 * page's form and the recovery form parse with these. No server-only imports.
 */

export const storeCodeParamSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{1,32}$/, "validation.storeCode")
  .transform((code) => code.toUpperCase())
  .meta({ description: "The store's public code, as in its QR URL /join/<code>.", example: "GARE1" });

export const publicEnrollRequestSchema = z
  .object({
    storeCode: storeCodeParamSchema,
    customer: customerInputSchema.default({}),
    emailConsent: z.boolean().default(false).meta({ description: "The customer ticked the email-consent box themselves." }),
  })
  .strict();

export type PublicEnrollRequest = z.infer<typeof publicEnrollRequestSchema>;

/** The join page's form: the same customer fields, flat, plus the honeypot a person never sees. */
export const joinFormSchema = z.object({
  storeCode: storeCodeParamSchema,
  name: customerInputSchema.shape.name,
  email: customerInputSchema.shape.email,
  phone: customerInputSchema.shape.phone,
  birthday: customerInputSchema.shape.birthday,
  emailConsent: z.boolean().default(false),
  /** Hidden from people (and from assistive technology); bots that fill every field fill this one. */
  website: z.string().max(500).optional(),
});

export type JoinForm = z.infer<typeof joinFormSchema>;

export const recoveryEmailSchema = z.object({
  storeCode: storeCodeParamSchema,
  email: z.email("validation.email").max(254, "validation.email"),
});

export const recoveryCodeSchema = recoveryEmailSchema.extend({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "validation.recoveryCode"),
});

// ─── Responses ────────────────────────────────────────────────────────────

export const joinProgramSchema = z.object({
  merchant: z.object({ name: z.string() }),
  store: z.object({ code: z.string(), name: z.string(), address: z.string().nullable() }),
  program: z.object({
    cardName: z.string(),
    loyaltyType: z.enum(["stamps", "points", "hybrid"]),
    stampsTarget: z.number().int(),
    stampsRewardDescription: z.string().nullable(),
    pointsPerEuro: z.number().int(),
    rewards: z.array(z.object({ name: z.string(), description: z.string().nullable(), pointsCost: z.number().int() })),
    cardColor: z.string(),
    foregroundColor: z.string(),
    labelColor: z.string(),
    logoUrl: z.string().nullable(),
  }),
  /** False while the merchant is suspended or the program paused: the page says so and enrollment is refused. */
  acceptingEnrollments: z.boolean(),
  emailConsentVersion: z.string().meta({ description: "The version of the consent text the emailConsent box stands for." }),
});

export type JoinProgram = z.infer<typeof joinProgramSchema>;

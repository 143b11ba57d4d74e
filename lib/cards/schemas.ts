import { z } from "zod";
import { checkCardNumber } from "@/lib/domain/card-number";
import { checkPinFormat } from "@/lib/domain/pin-policy";

/**
 * Request and response bodies of the card endpoints (design.md, "HTTP
 * contract"). Shared by the API, the dashboard's and counter's forms, and
 * the OpenAPI document. No server-only imports here.
 */

export const cardNumberSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const check = checkCardNumber(value);
    if (!check.ok) {
      ctx.addIssue({
        code: "custom",
        message: check.reason === "check_digit" ? "validation.cardNumber" : "validation.cardNumberLength",
      });
      return z.NEVER;
    }
    return check.cardNumber;
  })
  .meta({ description: "The 12-digit number printed on the card (spaces and dashes allowed).", example: "4021 3377 0019" });

export const qrCodeSchema = z.string().min(8).max(200).meta({ description: "The payload of the card's QR code." });

const staffPinSchema = z
  .string()
  .superRefine((pin, ctx) => {
    if (!checkPinFormat(pin).ok) ctx.addIssue({ code: "custom", message: "validation.pinLength" });
  })
  .meta({ description: "The staff member's PIN, when the program requires one." });

/** Name the card by exactly one of cardNumber and qrCode. */
function oneCard<T extends { cardNumber?: string; qrCode?: string }>(value: T, ctx: z.RefinementCtx): void {
  const given = [value.cardNumber, value.qrCode].filter((v) => v !== undefined).length;
  if (given !== 1) {
    ctx.addIssue({ code: "custom", path: ["cardNumber"], message: "validation.giveOneCard" });
  }
}

export function cardRefOf(value: { cardNumber?: string; qrCode?: string }): { cardNumber: string } | { qrCode: string } {
  return value.cardNumber !== undefined ? { cardNumber: value.cardNumber } : { qrCode: value.qrCode! };
}

const counterFields = {
  cardNumber: cardNumberSchema.optional(),
  qrCode: qrCodeSchema.optional(),
  storeId: z.uuid().meta({ description: "The store where this happens." }),
  staffPin: staffPinSchema.optional(),
  staffId: z
    .uuid()
    .optional()
    .meta({ description: "The staff member the PIN is typed for (counter); without it the PIN alone finds them." }),
};

export const stampRequestSchema = z.object(counterFields).strict().superRefine(oneCard);
export const stampRedeemRequestSchema = z.object(counterFields).strict().superRefine(oneCard);

export const pointsRequestSchema = z
  .object({
    ...counterFields,
    purchaseAmountCents: z.number().meta({ description: "The purchase in cents (12.50 € is 1250).", example: 1250 }),
    orderReference: z.string().trim().min(1).max(100).optional().meta({ description: "Your receipt or order number." }),
  })
  .strict()
  .superRefine(oneCard);

export const pointsRedeemRequestSchema = z
  .object({ ...counterFields, rewardId: z.uuid().meta({ description: "The catalog reward to redeem." }) })
  .strict()
  .superRefine(oneCard);

export const lookupRequestSchema = z
  .object({ cardNumber: cardNumberSchema.optional(), qrCode: qrCodeSchema.optional() })
  .strict()
  .superRefine(oneCard);

const today = () => new Date().toISOString().slice(0, 10);

export const customerInputSchema = z
  .object({
    name: z.string().trim().max(80).optional(),
    email: z.email("validation.email").max(254, "validation.email").optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ().\-/]{6,24}$/, "validation.phone")
      .optional(),
    birthday: z.iso
      .date("validation.date")
      .refine((value) => value >= "1900-01-01" && value <= today(), "validation.birthdayPast")
      .optional(),
    locale: z.enum(["en", "fr", "de", "lb"]).optional(),
  })
  .strict();

export const enrollRequestSchema = z
  .object({
    storeId: z.uuid(),
    customer: customerInputSchema.default({}),
    emailConsent: z.boolean().default(false).meta({ description: "The customer ticked the email-consent box themselves." }),
  })
  .strict();

export const listCardsQuerySchema = z
  .object({
    query: z.string().trim().max(100).optional().meta({ description: "Name, email, phone or card number." }),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(500).optional(),
  })
  .strict();

export const adjustRequestSchema = z
  .object({
    cardNumber: cardNumberSchema,
    stampsDelta: z.number().int().default(0),
    pointsDelta: z.number().int().default(0),
    reason: z.string().trim().min(1, "validation.reasonRequired").max(300, "validation.tooLong"),
  })
  .strict();

// ─── Responses ────────────────────────────────────────────────────────────

export const cardViewSchema = z.object({
  id: z.uuid(),
  cardNumber: z.string(),
  qrCode: z.string(),
  cardUrl: z.url(),
  stampCount: z.number().int(),
  stampsTarget: z.number().int(),
  pointsBalance: z.number().int(),
  rewardAvailable: z.boolean(),
  customer: z.object({ id: z.uuid(), name: z.string().nullable(), email: z.string().nullable() }),
  lastActivityAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export const cardResponseSchema = z.object({ card: cardViewSchema });
export const cardPageSchema = z.object({
  cards: z.array(cardViewSchema),
  nextCursor: z.string().nullable().meta({
    description:
      "The cursor of the next page, null on the last. A search may return fewer cards than `limit` with a cursor: keep following it.",
  }),
});

export const stampResponseSchema = z.object({
  transactionId: z.uuid(),
  cardNumber: z.string(),
  stampCount: z.number().int(),
  stampsTarget: z.number().int(),
  rewardEarned: z.boolean(),
  rewardAvailable: z.boolean(),
  rewardDescription: z.string().nullable(),
  stampsToday: z.number().int(),
  nextStampAvailableAt: z.iso.datetime(),
});

export const stampRedeemResponseSchema = z.object({
  transactionId: z.uuid(),
  cardNumber: z.string(),
  stampCount: z.number().int(),
  rewardDescription: z.string().nullable(),
});

export const pointsResponseSchema = z.object({
  transactionId: z.uuid(),
  cardNumber: z.string(),
  pointsEarned: z.number().int(),
  pointsBalance: z.number().int(),
  purchaseAmountCents: z.number().int(),
});

export const pointsRedeemResponseSchema = z.object({
  transactionId: z.uuid(),
  cardNumber: z.string(),
  rewardId: z.uuid(),
  rewardName: z.string(),
  pointsSpent: z.number().int(),
  pointsBalance: z.number().int(),
});

export const transactionPageSchema = z.object({
  cardNumber: z.string(),
  transactions: z.array(
    z.object({
      id: z.uuid(),
      type: z.enum(["stamp_earned", "stamp_reward_redeemed", "points_earned", "points_redeemed", "points_expired", "manual_adjustment"]),
      stampsDelta: z.number().int(),
      pointsDelta: z.number().int(),
      stampsAfter: z.number().int(),
      pointsAfter: z.number().int(),
      store: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      staffMember: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      reward: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      purchaseAmountCents: z.number().int().nullable(),
      orderReference: z.string().nullable(),
      reason: z.string().nullable(),
      createdAt: z.iso.datetime(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

import { z } from "zod";
import { cardNumberSchema, lookupRequestSchema } from "@/lib/cards/schemas";
import { checkPinFormat } from "@/lib/domain/pin-policy";
import { idempotencyKeySchema } from "@/lib/http/request-schemas";

/** Inputs of the counter screen's actions (the tablet sends them; the device and store come from its cookie). */

export const counterPinSchema = z.string().superRefine((pin, ctx) => {
  if (!checkPinFormat(pin).ok) ctx.addIssue({ code: "custom", message: "validation.pinLength" });
});

export const unlockInputSchema = z.object({ staffId: z.uuid(), pin: counterPinSchema }).strict();

export const findCardInputSchema = lookupRequestSchema;

export const searchCardsInputSchema = z.object({ query: z.string().trim().max(100) }).strict();

const operation = {
  cardNumber: cardNumberSchema,
  /** Made in the browser for each action: a double tap or a retry sends the same key and changes the card once. */
  idempotencyKey: idempotencyKeySchema,
};

export const counterOperationInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("stamp"), ...operation }).strict(),
  z.object({ kind: z.literal("redeemStamps"), ...operation }).strict(),
  z.object({ kind: z.literal("earnPoints"), ...operation, purchaseAmountCents: z.number().int("validation.wholeNumber") }).strict(),
  z.object({ kind: z.literal("redeemReward"), ...operation, rewardId: z.uuid() }).strict(),
]);

export type CounterOperationInput = z.infer<typeof counterOperationInputSchema>;

/** The PIN typed on a customer's phone ("Collect a stamp here"). */
export const collectStampInputSchema = z
  .object({ storeCode: z.string().trim().min(1).max(40), pin: counterPinSchema, idempotencyKey: idempotencyKeySchema })
  .strict();

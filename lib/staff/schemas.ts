import { z } from "zod";
import { checkPinFormat } from "@/lib/domain/pin-policy";

export const pinSchema = z.string().superRefine((pin, ctx) => {
  const check = checkPinFormat(pin);
  if (!check.ok) {
    ctx.addIssue({
      code: "custom",
      message: check.reason === "not_digits" ? "validation.pinDigits" : "validation.pinLength",
    });
  }
});

export const createStaffInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    pin: pinSchema,
    storeIds: z.array(z.uuid(), "validation.chooseStore").min(1, "validation.chooseStore").max(200),
  })
  .strict();
export type CreateStaffInput = z.infer<typeof createStaffInputSchema>;

export const updateStaffInputSchema = createStaffInputSchema
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: "validation.atLeastOneField" });
export type UpdateStaffInput = z.infer<typeof updateStaffInputSchema>;

/** The dashboard's forms: the API's own fields, plus the staff member they act on. */
export const staffIdInputSchema = z.object({ staffId: z.uuid() }).strict();
export const editStaffInputSchema = createStaffInputSchema.pick({ name: true, storeIds: true }).extend(staffIdInputSchema.shape).strict();
export const changeStaffPinInputSchema = createStaffInputSchema.pick({ pin: true }).extend(staffIdInputSchema.shape).strict();

export const staffViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  storeIds: z.array(z.uuid()),
  active: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  failedAttempts: z.number().int(),
  lastActivityAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

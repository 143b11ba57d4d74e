import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/** Account forms, shared by the pages' forms and their actions. Messages are keys of messages/*.json "validation". */

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("validation.email").max(254, "validation.email"));

export const passwordSchema = z.string().min(10, "validation.passwordTooShort").max(200, "validation.passwordTooLong");

export const signUpInputSchema = z
  .object({
    businessName: z.string().trim().min(1, "validation.required").max(80, "validation.tooLong"),
    name: z.string().trim().min(1, "validation.required").max(80, "validation.tooLong"),
    email: emailSchema,
    password: passwordSchema,
    locale: z.enum(LOCALES).default("en"),
  })
  .strict();
export type SignUpInput = z.infer<typeof signUpInputSchema>;

export const loginInputSchema = z.object({ email: emailSchema, password: z.string().min(1, "validation.required").max(200) }).strict();

export const requestPasswordResetSchema = z.object({ email: emailSchema }).strict();

export const resetPasswordSchema = z.object({ token: z.string().min(20).max(200), password: passwordSchema }).strict();

export const inviteManagerSchema = z.object({ email: emailSchema }).strict();

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(20).max(200),
    name: z.string().trim().min(1, "validation.required").max(80, "validation.tooLong"),
    password: passwordSchema,
  })
  .strict();

/** An invitation the owner resends or cancels. */
export const invitationIdSchema = z.object({ invitationId: z.uuid() }).strict();

/** A manager the owner removes. */
export const removeManagerSchema = z.object({ userId: z.uuid() }).strict();

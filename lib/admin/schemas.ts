import { z } from "zod";
import { emailSchema, passwordSchema } from "@/lib/accounts/schemas";
import { decodeCursor } from "@/lib/cards/cursor";
import { programStatsSchema } from "@/lib/stats/schemas";

function isCursor(value: string): boolean {
  try {
    decodeCursor(value);
    return true;
  } catch {
    return false;
  }
}

const cursorSchema = z.string().max(200).refine(isCursor, "validation.cursor");

/** `npm run admin:create -- --email <e> --password <p>`: a platform admin's account. */
export const createPlatformAdminSchema = z
  .object({ email: emailSchema, password: passwordSchema, name: z.string().trim().min(1).max(80).optional() })
  .strict();
export type CreatePlatformAdminInput = z.infer<typeof createPlatformAdminSchema>;

/** The merchants list (admin console and GET /admin/loyalty/programs): a name or email search, filters, keyset pages. */
export const listMerchantsQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional().meta({ description: "Part of the merchant's name or of its owner's email." }),
    status: z.enum(["active", "suspended"]).optional(),
    type: z.enum(["stamps", "points", "hybrid", "none"]).optional().meta({ description: "The program type; `none`: no program yet." }),
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type ListMerchantsQuery = z.infer<typeof listMerchantsQuerySchema>;

/** Suspending takes a reason (shown to admins, kept in the audit log); reactivating may say why. */
export const suspendMerchantSchema = z
  .object({ merchantId: z.uuid(), reason: z.string().trim().min(3, "validation.statusReason").max(500, "validation.tooLong") })
  .strict();
export type SuspendMerchantInput = z.infer<typeof suspendMerchantSchema>;

export const reactivateMerchantSchema = z
  .object({ merchantId: z.uuid(), reason: z.string().trim().min(3, "validation.statusReason").max(500, "validation.tooLong") })
  .strict();
export type ReactivateMerchantInput = z.infer<typeof reactivateMerchantSchema>;

/** An outbox event an admin retries or discards. */
export const outboxEventIdSchema = z.object({ eventId: z.uuid() }).strict();
export type OutboxEventIdInput = z.infer<typeof outboxEventIdSchema>;

export const outboxQuerySchema = z.object({
  status: z.enum(["failing", "dead"]).optional(),
  kind: z.enum(["wallet", "mail", "stats"]).optional(),
  cursor: cursorSchema.optional(),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

/** The recurring jobs' runs in the admin console: one job (its name, checked against the scheduled jobs by the page) and an outcome. */
export const jobRunsQuerySchema = z.object({
  job: z.string().max(100).optional(),
  status: z.enum(["running", "succeeded", "failed"]).optional(),
});
export type JobRunsQuery = z.infer<typeof jobRunsQuerySchema>;

/** The platform audit log's filters: an action or area, a merchant, admins only. */
export const platformAuditQuerySchema = z.object({
  action: z
    .string()
    .max(80)
    .regex(/^[a-z_]+(\.[a-z_]+)?$/)
    .optional(),
  merchant: z.uuid().optional(),
  actor: z.enum(["admin", "merchant"]).optional(),
  cursor: cursorSchema.optional(),
});
export type PlatformAuditQuery = z.infer<typeof platformAuditQuerySchema>;

export const periodSchema = z.object({ today: z.number().int(), last30Days: z.number().int() });

/** GET /admin/loyalty/stats. */
export const platformStatsSchema = z.object({
  asOf: z.iso.datetime(),
  merchants: z.object({ total: z.number().int(), active: z.number().int(), suspended: z.number().int() }),
  stores: z.number().int().meta({ description: "Open stores (archived ones aside)." }),
  members: z.number().int().meta({ description: "Cards across every merchant." }),
  activeMembers30Days: z.number().int(),
  newMembers: periodSchema,
  stampsIssued: periodSchema,
  pointsIssued: periodSchema,
  rewardsRedeemed: periodSchema,
  walletPasses: z.object({
    apple: z.number().int().meta({ description: "Cards whose Apple pass a device has downloaded." }),
    google: z.number().int().meta({ description: "Cards with a Google Wallet object." }),
  }),
  outbox: z.object({ failing: z.number().int(), dead: z.number().int() }),
});
export type PlatformStats = z.infer<typeof platformStatsSchema>;

export const adminProgramSummarySchema = z.object({
  id: z.uuid().nullable().meta({ description: "The program's id; null while the merchant has none yet." }),
  merchant: z.object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(["active", "suspended"]),
    ownerEmail: z.string().nullable(),
    createdAt: z.iso.datetime(),
  }),
  type: z.enum(["stamps", "points", "hybrid"]).nullable(),
  cardName: z.string().nullable(),
  members: z.number().int(),
  activeMembers30Days: z
    .number()
    .int()
    .meta({ description: "Members with activity (a stamp, points, a redemption, enrollment) in the merchant's last 30 days." }),
});
export type AdminProgramSummary = z.infer<typeof adminProgramSummarySchema>;

export const adminProgramPageSchema = z.object({ programs: z.array(adminProgramSummarySchema), nextCursor: z.string().nullable() });

export const adminProgramDetailSchema = z.object({
  id: z.uuid(),
  merchant: adminProgramSummarySchema.shape.merchant.extend({
    timeZone: z.string(),
    suspendedAt: z.iso.datetime().nullable(),
    suspendedReason: z.string().nullable(),
  }),
  type: z.enum(["stamps", "points", "hybrid"]),
  cardName: z.string(),
  active: z.boolean(),
  stampsTarget: z.number().int().nullable(),
  stampsRewardDescription: z.string().nullable(),
  pointsPerEuro: z.number().nullable(),
  cooldownMinutes: z.number().int(),
  maxDailyStamps: z.number().int(),
  requireStaffPin: z.boolean(),
  stores: z.array(z.object({ id: z.uuid(), name: z.string(), code: z.string(), archived: z.boolean() })),
  createdAt: z.iso.datetime(),
});
export type AdminProgramDetail = z.infer<typeof adminProgramDetailSchema>;

export const adminProgramStatsSchema = programStatsSchema.extend({ programId: z.uuid(), merchantId: z.uuid() });

export const programIdParamsSchema = z.object({ id: z.uuid() });

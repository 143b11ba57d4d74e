import { z } from "zod";
import { decodeCursor } from "@/lib/cards/cursor";

/** An action ("store.created") or a whole area ("store"). */
const actionFilter = z
  .string()
  .max(80)
  .regex(/^[a-z_]+(\.[a-z_]+)?$/);

/** Who acted: "system", "admin", or a kind and an id ("user:<uuid>", "api_key:<uuid>", "staff:<uuid>"). */
export const auditPersonSchema = z
  .string()
  .regex(/^(system|admin|(user|api_key|staff):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/);

function isCursor(value: string): boolean {
  try {
    decodeCursor(value);
    return true;
  } catch {
    return false;
  }
}

/** The audit log page's query string: filters and the keyset cursor of the page. */
export const auditLogQuerySchema = z.object({
  action: actionFilter.optional(),
  person: auditPersonSchema.optional(),
  cursor: z.string().max(200).refine(isCursor, "validation.cursor").optional(),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

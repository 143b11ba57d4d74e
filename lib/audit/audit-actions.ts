/**
 * The audit log's actions that have a sentence in messages/*.json
 * (dashboard.audit.actions.<area>.<verb>); any other action is shown by its
 * raw name. Keep in step with the `action: "…"` strings services record.
 */
export const AUDIT_ACTIONS = [
  "merchant.signed_up",
  "merchant.settings_updated",
  "merchant.suspended",
  "merchant.reactivated",
  "program.created",
  "program.updated",
  "program.logo_updated",
  "program.logo_removed",
  "reward.created",
  "reward.updated",
  "reward.retired",
  "store.created",
  "store.updated",
  "store.archived",
  "store.restored",
  "staff.created",
  "staff.updated",
  "staff.deactivated",
  "staff.unlocked",
  "api_key.created",
  "api_key.renamed",
  "api_key.revoked",
  "manager.invited",
  "manager.invitation_resent",
  "manager.invitation_cancelled",
  "manager.joined",
  "manager.removed",
  "device.pairing_link_created",
  "device.paired",
  "device.revoked",
  "customer.consent_given",
  "customer.consent_withdrawn",
  "customer.erased",
  "outbox.retried",
  "outbox.discarded",
  "campaign.sent",
] as const;
export type KnownAuditAction = (typeof AUDIT_ACTIONS)[number];

/** The areas actions belong to (the part before the dot), each with a name in messages/*.json (dashboard.audit.areas). */
export const AUDIT_AREAS = [
  "merchant",
  "program",
  "reward",
  "store",
  "staff",
  "api_key",
  "manager",
  "device",
  "customer",
  "outbox",
  "campaign",
] as const;
export type AuditArea = (typeof AUDIT_AREAS)[number];

export function isKnownAuditAction(action: string): action is KnownAuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

export function isKnownAuditArea(area: string): area is AuditArea {
  return (AUDIT_AREAS as readonly string[]).includes(area);
}

export function auditAreaOf(action: string): string {
  return action.split(".")[0] ?? action;
}

export type AuditActionGroup = { area: string; actions: string[] };

/**
 * The audit logs' "what" filter: the areas of the actions a log holds, sorted by their names, each with its actions.
 * The chosen action or area is kept even when the log no longer holds it, so the filter still shows what is chosen.
 */
export function auditActionGroups(present: string[], chosen: string | undefined, areaName: (area: string) => string): AuditActionGroup[] {
  const actions = [...new Set([...present, ...(chosen?.includes(".") ? [chosen] : [])])];
  const areas = [...new Set([...actions.map(auditAreaOf), ...(chosen && !chosen.includes(".") ? [chosen] : [])])];
  return areas
    .sort((a, b) => areaName(a).localeCompare(areaName(b)))
    .map((area) => ({ area, actions: actions.filter((action) => auditAreaOf(action) === area) }));
}

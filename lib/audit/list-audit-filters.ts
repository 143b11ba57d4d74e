import "server-only";
import { db } from "@/lib/db";
import type { ServiceContext } from "@/lib/service-context";
import { describeActors, type AuditActorView } from "./audit-names";

export type AuditFilters = { actions: string[]; people: AuditActorView[] };

/** What the audit log's filters offer: the actions and the people that appear in this merchant's log. */
export async function listAuditFilters(ctx: ServiceContext): Promise<AuditFilters> {
  const [actions, actors] = await Promise.all([
    db.auditLog.groupBy({ by: ["action"], where: { merchantId: ctx.merchantId }, orderBy: { action: "asc" } }),
    db.auditLog.groupBy({ by: ["actorType", "actorId"], where: { merchantId: ctx.merchantId } }),
  ]);
  const actorOf = await describeActors(ctx.merchantId, actors);
  const people = [...new Map(actors.map(actorOf).map((actor) => [actor.filter, actor])).values()];
  return { actions: actions.map((row) => row.action), people };
}

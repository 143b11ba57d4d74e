import "server-only";
import { db } from "@/lib/db";

/** Who made an audit entry, named for people reading the log. */
export type AuditActorView = {
  kind: "user" | "admin" | "api_key" | "staff" | "system";
  /** A person's name (or email), an API key's name, a staff member's or counter tablet's name; null when unknown. */
  name: string | null;
  /** A person's email when the name is shown, an API key's prefix. */
  detail: string | null;
  /** The value of the log's person filter that shows this actor's entries. */
  filter: string;
};

/** What an audit entry is about: its kind and, when it still exists, its name. */
export type AuditTargetView = { type: string; id: string | null; label: string | null };

export type ActorRef = { actorType: string; actorId: string | null };
export type TargetRef = { targetType: string | null; targetId: string | null; details?: unknown };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function idsOf<T>(refs: T[], pick: (ref: T) => string | null | undefined): string[] {
  return [...new Set(refs.map(pick).filter((id): id is string => !!id && UUID.test(id)))];
}

/** Names the actors of a page of entries with one query per kind, scoped to the merchant. */
export async function describeActors(merchantId: string, refs: ActorRef[]): Promise<(ref: ActorRef) => AuditActorView> {
  const ids = (type: string) => idsOf(refs, (ref) => (ref.actorType === type ? ref.actorId : null));
  const [users, apiKeys, staff, devices] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids("user") }, merchantId }, select: { id: true, name: true, email: true } }),
    db.apiKey.findMany({ where: { id: { in: ids("api_key") }, merchantId }, select: { id: true, name: true, prefix: true } }),
    db.staffMember.findMany({ where: { id: { in: ids("staff") }, merchantId }, select: { id: true, name: true } }),
    db.counterDevice.findMany({ where: { id: { in: ids("staff") }, merchantId }, select: { id: true, name: true } }),
  ]);
  const user = new Map(users.map((row) => [row.id, row]));
  const apiKey = new Map(apiKeys.map((row) => [row.id, row]));
  const staffName = new Map([...devices, ...staff].map((row) => [row.id, row.name]));
  return (ref) => {
    const id = ref.actorId ?? "";
    switch (ref.actorType) {
      case "user": {
        const found = user.get(id);
        return {
          kind: "user",
          name: found ? (found.name ?? found.email) : null,
          detail: found?.name ? found.email : null,
          filter: `user:${id}`,
        };
      }
      case "api_key": {
        const found = apiKey.get(id);
        return { kind: "api_key", name: found?.name ?? null, detail: found?.prefix ?? null, filter: `api_key:${id}` };
      }
      case "staff":
        return { kind: "staff", name: staffName.get(id) ?? null, detail: null, filter: `staff:${id}` };
      case "admin":
        return { kind: "admin", name: null, detail: null, filter: "admin" };
      default:
        return { kind: "system", name: null, detail: null, filter: "system" };
    }
  };
}

/** Names the targets of a page of entries (stores, staff, keys, people, rewards, cards, invitations, counter devices), scoped to the merchant. */
export async function describeTargets(merchantId: string, refs: TargetRef[]): Promise<(ref: TargetRef) => AuditTargetView | null> {
  const ids = (type: string) => idsOf(refs, (ref) => (ref.targetType === type ? ref.targetId : null));
  const [stores, staff, apiKeys, users, rewards, cards, invitations, devices] = await Promise.all([
    db.store.findMany({ where: { id: { in: ids("store") }, merchantId }, select: { id: true, name: true } }),
    db.staffMember.findMany({ where: { id: { in: ids("staff_member") }, merchantId }, select: { id: true, name: true } }),
    db.apiKey.findMany({ where: { id: { in: ids("api_key") }, merchantId }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: ids("user") }, merchantId }, select: { id: true, name: true, email: true } }),
    db.reward.findMany({ where: { id: { in: ids("reward") }, merchantId }, select: { id: true, name: true } }),
    db.card.findMany({ where: { id: { in: ids("card") }, merchantId }, select: { id: true, cardNumber: true } }),
    db.authToken.findMany({
      where: { id: { in: ids("invitation") }, merchantId, purpose: "manager_invite" },
      select: { id: true, email: true },
    }),
    db.counterDevice.findMany({ where: { id: { in: ids("counter_device") }, merchantId }, select: { id: true, name: true } }),
  ]);
  const labels = new Map<string, string>([
    ...stores.map((row) => [`store:${row.id}`, row.name] as const),
    ...staff.map((row) => [`staff_member:${row.id}`, row.name] as const),
    ...apiKeys.map((row) => [`api_key:${row.id}`, row.name] as const),
    ...users.map((row) => [`user:${row.id}`, row.name ? `${row.name} (${row.email})` : row.email] as const),
    ...rewards.map((row) => [`reward:${row.id}`, row.name] as const),
    ...cards.map((row) => [`card:${row.id}`, row.cardNumber] as const),
    ...invitations.map((row) => [`invitation:${row.id}`, row.email] as const),
    ...devices.map((row) => [`counter_device:${row.id}`, row.name] as const),
  ]);
  return (ref) => {
    if (!ref.targetType) return null;
    return { type: ref.targetType, id: ref.targetId, label: labels.get(`${ref.targetType}:${ref.targetId}`) ?? null };
  };
}

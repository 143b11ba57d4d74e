import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import type { StaffView } from "@/lib/staff/staff-view";

export type StaffStatus = { tone: "active" | "warning" | "locked" | "inactive"; label: string };

/**
 * Words for a staff member's state and times, in the merchant's time zone:
 * "Locked until 14:32 after 5 wrong PINs", "2 wrong PINs", "Active", "Deactivated".
 */
export async function staffFormatting(timeZone: string, now: Date) {
  const [t, format] = await Promise.all([getTranslations("dashboard.staff"), getFormatter()]);
  const day = (date: Date) => date.toLocaleDateString("en-CA", { timeZone });
  const dateTime = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone });
  // A lockout ends within the hour usually: the time alone says it, unless that is another day.
  const until = (iso: string) =>
    day(new Date(iso)) === day(now) ? format.dateTime(new Date(iso), { timeStyle: "short", timeZone }) : dateTime(iso);

  const status = (member: StaffView): StaffStatus => {
    if (!member.active) return { tone: "inactive", label: t("status.deactivated") };
    if (member.locked && member.lockedUntil)
      return { tone: "locked", label: t("status.locked", { time: until(member.lockedUntil), count: member.failedAttempts }) };
    if (member.failedAttempts > 0) return { tone: "warning", label: t("status.failedAttempts", { count: member.failedAttempts }) };
    return { tone: "active", label: t("status.active") };
  };
  const lastActivity = (member: StaffView) => (member.lastActivityAt ? dateTime(member.lastActivityAt) : t("never"));
  return { status, lastActivity, dateTime };
}

export const STATUS_TONES: Record<StaffStatus["tone"], string> = {
  active: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  warning: "bg-amber-50 text-amber-950 ring-amber-300",
  locked: "bg-red-50 text-red-900 ring-red-300",
  inactive: "bg-stone-100 text-stone-700 ring-stone-300",
};

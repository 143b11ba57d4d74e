import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { DEMO_OWNER_EMAIL, demoOwnerPassword, demoStaffPins } from "./demo-credentials";

export type DemoOverview = {
  merchantName: string;
  ownerEmail: string;
  ownerPassword: string;
  customers: number;
  stores: { name: string; code: string }[];
  staff: { name: string; pin: string }[];
};

/** What the /demo page shows, or null when this server holds no demo merchant. */
export async function getDemoOverview(): Promise<DemoOverview | null> {
  const merchant = await db.merchant.findFirst({
    where: { isDemo: true },
    select: {
      id: true,
      name: true,
      stores: { where: { archivedAt: null }, select: { name: true, code: true }, orderBy: { name: "asc" } },
      staffMembers: { where: { active: true }, select: { name: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!merchant) return null;
  const customers = await db.card.count({ where: { merchantId: merchant.id } });
  const { secretKey } = getConfig().secrets;
  const pins = demoStaffPins(secretKey, merchant.staffMembers.length);
  return {
    merchantName: merchant.name,
    ownerEmail: DEMO_OWNER_EMAIL,
    ownerPassword: demoOwnerPassword(secretKey),
    customers,
    stores: merchant.stores,
    staff: merchant.staffMembers.map((member, index) => ({ name: member.name, pin: pins[index]! })),
  };
}

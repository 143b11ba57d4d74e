import type { ReactNode } from "react";
import { ClientMessages } from "@/components/dashboard/client-messages";

/** The staff pages' client components get their own messages (see ClientMessages). */
export default function StaffLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dashboard.staff"]}>{children}</ClientMessages>;
}

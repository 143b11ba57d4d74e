import type { ReactNode } from "react";
import { ClientMessages } from "@/components/dashboard/client-messages";

/** The settings pages' client components get their own messages (see ClientMessages). */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dashboard.settings", "dashboard.audit", "dashboard.roles"]}>{children}</ClientMessages>;
}

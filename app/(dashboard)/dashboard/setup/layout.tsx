import type { ReactNode } from "react";
import { ClientMessages } from "@/components/dashboard/client-messages";

/** The setup pages' client components get their own messages (see ClientMessages). */
export default function SetupLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dashboard.setup"]}>{children}</ClientMessages>;
}

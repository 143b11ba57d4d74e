import type { ReactNode } from "react";
import { ClientMessages } from "@/components/dashboard/client-messages";

/** The exports pages' client components get their own messages (see ClientMessages). */
export default function ExportsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dashboard.exports"]}>{children}</ClientMessages>;
}

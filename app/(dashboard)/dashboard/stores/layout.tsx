import type { ReactNode } from "react";
import { ClientMessages } from "@/components/dashboard/client-messages";

/** The stores pages' client components get their own messages (see ClientMessages). */
export default function StoresLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dashboard.stores"]}>{children}</ClientMessages>;
}

import type { ReactNode } from "react";
import { ClientMessages } from "@/components/dashboard/client-messages";

/** The customers pages' client components get their own messages (see ClientMessages). */
export default function CustomersLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dashboard.customers"]}>{children}</ClientMessages>;
}

import type { ReactNode } from "react";
import { ClientMessages } from "@/components/dashboard/client-messages";

/** The api-keys pages' client components get their own messages (see ClientMessages). */
export default function ApiKeysLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dashboard.apiKeys"]}>{children}</ClientMessages>;
}

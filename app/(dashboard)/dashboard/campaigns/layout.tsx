import type { ReactNode } from "react";
import { ClientMessages } from "@/components/dashboard/client-messages";

/** The campaigns page's client components get their own messages (see ClientMessages). */
export default function CampaignsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dashboard.campaigns"]}>{children}</ClientMessages>;
}

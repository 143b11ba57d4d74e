import type { ReactNode } from "react";
import { ClientMessages } from "@/components/dashboard/client-messages";

/** The program page's client components get their own messages (see ClientMessages). */
export default function ProgramLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dashboard.program"]}>{children}</ClientMessages>;
}

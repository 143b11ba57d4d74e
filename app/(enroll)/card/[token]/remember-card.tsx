"use client";

import { useEffect } from "react";

/** Tells the server, once the page is open, that this phone holds the card (the held-cards cookie). */
export function RememberCard({ token, action }: { token: string; action: (token: string) => Promise<void> }) {
  useEffect(() => {
    void action(token);
  }, [token, action]);
  return null;
}

"use client";

import { useEffect, useRef } from "react";

/**
 * Tells the server, once the page is open, that this phone holds the card (the held-cards cookie). Once per card:
 * the cookie the action sets makes Next refresh the page, which hands this component a new action reference, and
 * calling it again for that would loop for as long as the page is open.
 */
export function RememberCard({ token, action }: { token: string; action: (token: string) => Promise<void> }) {
  const remembered = useRef<string | null>(null);
  useEffect(() => {
    if (remembered.current === token) return;
    remembered.current = token;
    void action(token);
  }, [token, action]);
  return null;
}

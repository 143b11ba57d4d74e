"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Ends the session on the server (its row is revoked) and returns to the login page. */
export function LogoutButton({ label }: { label: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/login?notice=loggedOut" });
      }}
      className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100"
    >
      {label}
    </button>
  );
}

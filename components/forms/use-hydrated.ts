"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React runs the
 * page in the browser. A form handled by JavaScript must not be submittable
 * before that: the browser would send it itself, as a GET to the page with
 * every field (a password too) in the address.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

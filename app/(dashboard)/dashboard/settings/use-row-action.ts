"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

export type RowAction<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * Runs a server action for one row of a list (resend, cancel, remove) and
 * keeps its outcome at the list's level: the row itself may be gone once the
 * page refreshes, and the message must still be read out.
 */
export function useRowAction() {
  const [pending, startTransition] = useTransition();
  const [busyRow, setBusyRow] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const run = <T>(row: string, action: RowAction<T>, fields: Record<string, string>, success: (data: T) => string) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    setBusyRow(row);
    setNotice(null);
    startTransition(async () => {
      const result = await action(null, form);
      setNotice(result.ok ? { kind: "success", text: success(result.data) } : { kind: "error", text: result.message });
      setBusyRow(null);
    });
  };
  return { run, notice, busyRow: pending ? busyRow : null };
}

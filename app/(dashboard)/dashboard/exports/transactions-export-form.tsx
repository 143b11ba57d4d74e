"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/forms/field";
import { useTranslateMessage } from "@/components/forms/use-translate-message";
import { transactionsExportRangeSchema } from "@/lib/exports/schemas";

/**
 * A plain GET form to the route that streams the file (the browser shows the
 * download and the page stays as it is), checked first with the route's own
 * schema so each error shows next to its field instead of being sent.
 */
export function TransactionsExportForm({ defaultFrom, defaultTo }: { defaultFrom: string; defaultTo: string }) {
  const t = useTranslations("dashboard.exports.transactions");
  const translate = useTranslateMessage();
  const [errors, setErrors] = useState<{ from?: string[]; to?: string[] }>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    const parsed = transactionsExportRangeSchema.safeParse({ from: form.get("from"), to: form.get("to") });
    if (!parsed.success) {
      event.preventDefault();
      const next: { from?: string[]; to?: string[] } = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === "from" ? "from" : "to";
        next[field] = [...(next[field] ?? []), translate(issue.message)];
      }
      setErrors(next);
      return;
    }
    setErrors({});
  }

  return (
    <form
      method="get"
      action="/dashboard/exports/transactions.csv"
      onSubmit={onSubmit}
      noValidate
      className="flex flex-wrap items-start gap-4"
    >
      <Field label={t("from")} name="from" type="date" defaultValue={defaultFrom} required errors={errors.from} className="w-48" />
      <Field label={t("to")} name="to" type="date" defaultValue={defaultTo} required errors={errors.to} className="w-48" />
      <button
        type="submit"
        className="mt-6 inline-flex items-center justify-center rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-900"
      >
        {t("download")}
      </button>
    </form>
  );
}

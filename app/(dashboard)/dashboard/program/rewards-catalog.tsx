"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Section } from "@/components/dashboard/section";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

export type RewardItem = { id: string; name: string; description: string | null; pointsCost: number; active: boolean };

type RewardAction = (previous: ActionResult<RewardItem> | null, form: FormData) => Promise<ActionResult<RewardItem>>;

type RewardsCatalogProps = {
  rewards: RewardItem[];
  createAction: RewardAction;
  updateAction: RewardAction;
  setActiveAction: RewardAction;
};

/** The points rewards: edit in place, retire (kept for the history) and bring back, add new ones. */
export function RewardsCatalog({ rewards, createAction, updateAction, setActiveAction }: RewardsCatalogProps) {
  const t = useTranslations("dashboard.program.rewards");
  const [announcement, setAnnouncement] = useState("");
  const sorted = [...rewards].sort((a, b) => Number(b.active) - Number(a.active) || a.pointsCost - b.pointsCost);
  return (
    <Section id="program-rewards" title={t("title")} description={t("description")}>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {sorted.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-600">{t("empty")}</p>
      ) : (
        <div className="-mx-5 overflow-x-auto sm:-mx-6">
          <table className="w-full min-w-[34rem] text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="border-y border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
              <tr>
                <th scope="col" className="px-5 py-2 font-semibold sm:px-6">
                  {t("name")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  {t("pointsCost")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("status")}
                </th>
                <th scope="col" className="px-5 py-2 text-right font-semibold sm:px-6">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {sorted.map((reward) => (
                <RewardRow
                  key={reward.id}
                  reward={reward}
                  updateAction={updateAction}
                  setActiveAction={setActiveAction}
                  announce={setAnnouncement}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddRewardForm action={createAction} />
    </Section>
  );
}

function RewardRow({
  reward,
  updateAction,
  setActiveAction,
  announce,
}: {
  reward: RewardItem;
  updateAction: RewardAction;
  setActiveAction: RewardAction;
  announce: (text: string) => void;
}) {
  const t = useTranslations("dashboard.program.rewards");
  const [editing, setEditing] = useState(false);
  const toggle = useFormAction(setActiveAction);

  useEffect(() => {
    if (toggle.state?.ok)
      announce(
        toggle.state.data.active ? t("restored", { name: toggle.state.data.name }) : t("retiredDone", { name: toggle.state.data.name }),
      );
  }, [toggle.state, announce, t]);

  if (editing) {
    return (
      <tr>
        <td colSpan={4} className="bg-brand-50/60 px-5 py-4 sm:px-6">
          <EditRewardForm
            reward={reward}
            action={updateAction}
            onDone={(saved) => {
              setEditing(false);
              if (saved) announce(t("updated", { name: saved }));
            }}
          />
        </td>
      </tr>
    );
  }
  return (
    <tr className={reward.active ? undefined : "text-stone-500"}>
      <td className="px-5 py-3 sm:px-6">
        <p className={`font-medium ${reward.active ? "text-stone-900" : "text-stone-600 line-through decoration-stone-400"}`}>
          {reward.name}
        </p>
        {reward.description ? <p className="mt-0.5 text-stone-600">{reward.description}</p> : null}
      </td>
      <td className="whitespace-nowrap px-3 py-3 text-right tabular-nums">{t("points", { points: reward.pointsCost })}</td>
      <td className="px-3 py-3">
        <span
          className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${reward.active ? "bg-emerald-100 text-emerald-900" : "bg-stone-200 text-stone-700"}`}
        >
          {reward.active ? t("active") : t("retired")}
        </span>
      </td>
      <td className="px-5 py-3 sm:px-6">
        <div className="flex items-center justify-end gap-2">
          {toggle.state && !toggle.state.ok ? (
            <span role="alert" className="text-xs font-medium text-red-800">
              {toggle.state.message}
            </span>
          ) : null}
          {reward.active ? (
            <button
              type="button"
              onClick={() => setEditing(true)}
              aria-label={t("editLabel", { name: reward.name })}
              className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-semibold text-stone-900 hover:bg-stone-100"
            >
              {t("edit")}
            </button>
          ) : null}
          <form onSubmit={toggle.onSubmit}>
            <input type="hidden" name="rewardId" value={reward.id} />
            <input type="hidden" name="active" value={reward.active ? "false" : "true"} />
            <SubmitButton
              variant="secondary"
              pending={toggle.pending}
              aria-label={reward.active ? t("retireLabel", { name: reward.name }) : t("restoreLabel", { name: reward.name })}
              className="px-3! py-1.5! text-sm"
            >
              {reward.active ? t("retire") : t("restore")}
            </SubmitButton>
          </form>
        </div>
      </td>
    </tr>
  );
}

function EditRewardForm({
  reward,
  action,
  onDone,
}: {
  reward: RewardItem;
  action: RewardAction;
  onDone: (savedName: string | null) => void;
}) {
  const t = useTranslations("dashboard.program.rewards");
  const tf = useTranslations("forms");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  useEffect(() => document.getElementById(`reward-${reward.id}-name`)?.focus(), [reward.id]);
  useEffect(() => {
    if (state?.ok) onDone(state.data.name);
  }, [state, onDone]);

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("editLabel", { name: reward.name })} className="space-y-4">
      <input type="hidden" name="rewardId" value={reward.id} />
      {state && !state.ok && !state.fieldErrors ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <Field
          id={`reward-${reward.id}-name`}
          label={t("name")}
          name="name"
          defaultValue={reward.name}
          maxLength={80}
          errors={fieldErrors?.name}
        />
        <Field
          id={`reward-${reward.id}-cost`}
          label={t("pointsCost")}
          name="pointsCost"
          type="number"
          inputMode="numeric"
          min={1}
          defaultValue={reward.pointsCost}
          errors={fieldErrors?.pointsCost}
        />
        <Field
          id={`reward-${reward.id}-description`}
          label={`${t("descriptionLabel")} (${tf("optional")})`}
          name="description"
          defaultValue={reward.description ?? ""}
          maxLength={300}
          errors={fieldErrors?.description}
          className="sm:col-span-2"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} pendingLabel={tf("saving")} className="py-2! text-sm">
          {t("saveReward")}
        </SubmitButton>
        <button
          type="button"
          onClick={() => onDone(null)}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold text-stone-900 hover:bg-stone-100"
        >
          {tf("cancel")}
        </button>
      </div>
    </form>
  );
}

function AddRewardForm({ action }: { action: RewardAction }) {
  const t = useTranslations("dashboard.program.rewards");
  const tf = useTranslations("forms");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!state?.ok) return;
    form.current?.reset();
  }, [state]);

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="add-reward-heading"
      className="mt-6 rounded-lg border border-stone-200 bg-stone-50 p-4"
    >
      <h3 id="add-reward-heading" className="font-semibold text-stone-900">
        {t("add")}
      </h3>
      {state && !state.ok && !state.fieldErrors ? (
        <div className="mt-3">
          <FormMessage kind="error">{state.message}</FormMessage>
        </div>
      ) : null}
      <div className="mt-3 grid gap-4 sm:grid-cols-[1fr_10rem]">
        <Field
          id="new-reward-name"
          label={t("name")}
          name="name"
          maxLength={80}
          placeholder={t("namePlaceholder")}
          errors={fieldErrors?.name}
        />
        <Field
          id="new-reward-cost"
          label={t("pointsCost")}
          name="pointsCost"
          type="number"
          inputMode="numeric"
          min={1}
          errors={fieldErrors?.pointsCost}
        />
        <Field
          id="new-reward-description"
          label={`${t("descriptionLabel")} (${tf("optional")})`}
          name="description"
          maxLength={300}
          errors={fieldErrors?.description}
          className="sm:col-span-2"
        />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel={t("adding")} className="py-2! text-sm">
          {t("addSubmit")}
        </SubmitButton>
        {state?.ok ? (
          <p role="status" className="text-sm font-medium text-emerald-800">
            {t("added", { name: state.data.name })}
          </p>
        ) : null}
      </div>
    </form>
  );
}

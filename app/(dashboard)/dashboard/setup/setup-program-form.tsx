"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { StampCardPreview } from "@/components/stamp-card-preview";
import type { ActionResult } from "@/lib/actions/action-result";

type Action = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;
type LoyaltyType = "stamps" | "points" | "hybrid";

const TYPES: LoyaltyType[] = ["stamps", "points", "hybrid"];

/** Program type and its reward: the few choices a café owner makes first; the rest keeps sensible defaults. */
export function SetupProgramForm({
  action,
  defaultCardName,
  defaultsNote,
}: {
  action: Action;
  defaultCardName: string;
  defaultsNote: string;
}) {
  const t = useTranslations("dashboard.setup.program");
  const tForms = useTranslations("forms");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  const [type, setType] = useState<LoyaltyType>("stamps");
  const [cardName, setCardName] = useState(defaultCardName);
  const [target, setTarget] = useState(10);
  const [reward, setReward] = useState("");
  const errors = (path: string) => fieldErrors?.[path];

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <form onSubmit={onSubmit} noValidate className="space-y-6">
        {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
        <fieldset>
          <legend className="text-sm font-medium text-stone-800">{t("type")}</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-3">
            {TYPES.map((value) => (
              <label
                key={value}
                className="flex cursor-pointer flex-col rounded-lg border border-stone-300 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600"
              >
                <span className="flex items-center gap-2 font-semibold text-stone-900">
                  <input
                    type="radio"
                    name="loyaltyType"
                    value={value}
                    checked={type === value}
                    onChange={() => setType(value)}
                    className="accent-brand-700"
                  />
                  {t(`types.${value}.name`)}
                </span>
                <span className="mt-1 text-sm text-stone-600">{t(`types.${value}.description`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          label={t("cardName")}
          name="cardName"
          value={cardName}
          onChange={(event) => setCardName(event.target.value)}
          maxLength={60}
          required
          hint={t("cardNameHint")}
          errors={errors("program.cardName")}
        />
        {type !== "points" ? (
          <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
            <Field
              label={t("stampsTarget")}
              name="stampsTarget"
              type="number"
              inputMode="numeric"
              min={1}
              max={50}
              value={target}
              onChange={(event) => setTarget(Number(event.target.value))}
              errors={errors("program.stampsTarget")}
            />
            <Field
              label={t("stampsReward")}
              name="stampsRewardDescription"
              placeholder={t("stampsRewardPlaceholder")}
              value={reward}
              onChange={(event) => setReward(event.target.value)}
              maxLength={200}
              errors={errors("program.stampsRewardDescription")}
            />
          </div>
        ) : null}
        {type !== "stamps" ? (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              label={t("pointsPerEuro")}
              name="pointsPerEuro"
              type="number"
              inputMode="numeric"
              min={0}
              defaultValue={1}
              errors={errors("program.pointsPerEuro")}
            />
            <Field
              label={t("rewardName")}
              name="rewardName"
              placeholder={t("rewardNamePlaceholder")}
              maxLength={80}
              errors={errors("reward.name")}
            />
            <Field
              label={t("rewardCost")}
              name="rewardPointsCost"
              type="number"
              inputMode="numeric"
              min={1}
              defaultValue={100}
              errors={errors("reward.pointsCost")}
            />
          </div>
        ) : null}
        <p className="text-sm text-stone-600">{defaultsNote}</p>
        <SubmitButton pending={pending} pendingLabel={tForms("saving")}>
          {t("submit")}
        </SubmitButton>
      </form>
      <div aria-live="polite">
        <p className="mb-2 text-sm font-medium text-stone-700">{t("preview")}</p>
        <StampCardPreview
          label={t("preview")}
          name={cardName || defaultCardName}
          progressText={type === "points" ? t("previewPoints") : t("previewProgress", { target: Number.isFinite(target) ? target : 10 })}
          rewardText={type === "points" ? t("previewPointsReward") : reward || t("stampsRewardPlaceholder")}
          stamps={type === "points" ? 0 : Math.min(3, target)}
          target={type === "points" ? 0 : Math.max(1, Math.min(50, Number.isFinite(target) ? target : 10))}
        />
      </div>
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Section } from "@/components/dashboard/section";
import { Field, FieldErrors } from "@/components/forms/field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { ColorField } from "@/components/program/color-field";
import { contrastRatio } from "@/components/program/color-contrast";
import { WalletCardPreview } from "@/components/program/wallet-card-preview";
import type { ActionResult } from "@/lib/actions/action-result";
import { parseAmountToCents } from "@/lib/domain/money";
import { usesPoints, usesStamps, type ProgramType } from "@/lib/domain/program-features";

/** The form's fields as the person sees them (numbers as typed text). */
export type ProgramDraft = {
  loyaltyType: ProgramType;
  cardName: string;
  stampsTarget: string;
  stampsRewardDescription: string;
  pointsPerEuro: string;
  maxPurchaseEuros: string;
  cooldownMinutes: string;
  maxDailyStamps: string;
  staffSessionIdleMinutes: string;
  staffSessionMaxHours: string;
  pointsExpiryMonths: string;
  birthdayRewardEnabled: boolean;
  birthdayRewardStamps: string;
  birthdayRewardPoints: string;
  requireStaffPin: boolean;
  active: boolean;
  walletBarcode: "qr" | "code128";
  cardColor: string;
  foregroundColor: string;
  labelColor: string;
};

type ProgramFormProps = {
  mode: "create" | "update";
  action: (previous: ActionResult<{ updatedAt: string }> | null, form: FormData) => Promise<ActionResult<{ updatedAt: string }>>;
  initial: ProgramDraft;
  merchantName: string;
  logoUrl: string | null;
  nextReward: { name: string; pointsCost: number } | null;
  /** The logo and rewards sections: forms of their own, shown beside the same preview. */
  children?: ReactNode;
};

const TYPES: ProgramType[] = ["stamps", "points", "hybrid"];

/** What counts as a change: "12" and "12.00" € are the same bound, " Coffee " and "Coffee" the same name. */
function normalized(draft: ProgramDraft): string {
  return JSON.stringify({
    ...draft,
    cardName: draft.cardName.trim(),
    stampsRewardDescription: draft.stampsRewardDescription.trim(),
    maxPurchaseEuros: parseAmountToCents(draft.maxPurchaseEuros) ?? draft.maxPurchaseEuros,
    cardColor: draft.cardColor.toLowerCase(),
    foregroundColor: draft.foregroundColor.toLowerCase(),
    labelColor: draft.labelColor.toLowerCase(),
  });
}

/** The stamps target typed in the field, for the preview; the saved one while the field holds no valid target. */
function previewTarget(text: string, saved: string): number {
  for (const candidate of [text, saved]) {
    const value = Number(candidate);
    if (candidate.trim() !== "" && Number.isInteger(value) && value >= 1 && value <= 50) return value;
  }
  return 10;
}

/**
 * The program's rules and branding, with the card's preview following every
 * keystroke. Fields depend on the card type; the save bar says when there are
 * unsaved changes. Used to create the program too, when there is none yet.
 */
export function ProgramForm({ mode, action, initial, merchantName, logoUrl, nextReward, children }: ProgramFormProps) {
  const t = useTranslations("dashboard.program");
  const [draft, setDraft] = useState(initial);
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);

  // After a refused save, take the person to the first field to fix.
  useEffect(() => {
    if (state && !state.ok && state.fieldErrors) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const set =
    <K extends keyof ProgramDraft>(key: K) =>
    (value: ProgramDraft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));
  const text = (key: keyof ProgramDraft) => ({
    name: key,
    value: draft[key] as string,
    onChange: (event: { target: { value: string } }) => set(key)(event.target.value as never),
    errors: fieldErrors?.[key],
  });

  const dirty = normalized(draft) !== normalized(initial);
  const stamps = usesStamps(draft.loyaltyType);
  const points = usesPoints(draft.loyaltyType);
  const lowContrast = (contrastRatio(draft.cardColor, draft.foregroundColor) ?? 21) < 3;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_340px] xl:grid-cols-[minmax(0,1fr)_360px]">
      <div className="min-w-0 space-y-6">
        <form ref={form} onSubmit={onSubmit} noValidate className="space-y-6" aria-label={t("formLabel")}>
          <Section id="program-type" title={t("type.title")} description={t("type.description")}>
            <div role="radiogroup" aria-labelledby="program-type-heading" className="grid gap-3 sm:grid-cols-3">
              {TYPES.map((type) => (
                <label
                  key={type}
                  className="flex cursor-pointer gap-3 rounded-lg border border-stone-300 p-4 transition-colors hover:border-brand-500 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600"
                >
                  <input
                    type="radio"
                    name="loyaltyType"
                    value={type}
                    checked={draft.loyaltyType === type}
                    onChange={() => set("loyaltyType")(type)}
                    aria-labelledby={`type-${type}-label`}
                    aria-describedby={`type-${type}-hint`}
                    className="mt-1 size-4 shrink-0 accent-brand-700 focus-visible:outline-none"
                  />
                  <span>
                    <span id={`type-${type}-label`} className="block font-semibold text-stone-900">
                      {t(`type.${type}.label`)}
                    </span>
                    <span id={`type-${type}-hint`} className="mt-1 block text-sm text-stone-600">
                      {t(`type.${type}.hint`)}
                    </span>
                  </span>
                </label>
              ))}
            </div>
            <FieldErrors errors={fieldErrors?.loyaltyType} />
          </Section>

          {stamps ? (
            <Section id="program-stamps" title={t("stamps.title")} description={t("stamps.description")}>
              <div className="grid gap-5 sm:grid-cols-[minmax(0,16rem)_1fr]">
                <Field
                  label={t("stamps.target")}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={50}
                  hint={t("stamps.targetHint")}
                  {...text("stampsTarget")}
                />
                <Field
                  label={t("stamps.reward")}
                  maxLength={200}
                  placeholder={t("stamps.rewardPlaceholder")}
                  hint={t("stamps.rewardHint")}
                  {...text("stampsRewardDescription")}
                />
              </div>
            </Section>
          ) : null}

          {points ? (
            <Section id="program-points" title={t("points.title")} description={t("points.description")}>
              <div className="grid gap-5 sm:grid-cols-2">
                <Field
                  label={t("points.perEuro")}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={1000}
                  hint={t("points.perEuroHint")}
                  {...text("pointsPerEuro")}
                />
                <Field
                  label={t("points.maxPurchase")}
                  name="maxPurchaseEuros"
                  errors={fieldErrors?.maxPurchaseCents}
                  hint={t("points.maxPurchaseHint")}
                >
                  <div className="relative mt-1">
                    <input
                      id="field-maxPurchaseEuros"
                      name="maxPurchaseEuros"
                      inputMode="decimal"
                      autoComplete="off"
                      value={draft.maxPurchaseEuros}
                      onChange={(event) => set("maxPurchaseEuros")(event.target.value)}
                      aria-invalid={fieldErrors?.maxPurchaseCents?.length ? true : undefined}
                      aria-describedby={[
                        "field-maxPurchaseEuros-hint",
                        fieldErrors?.maxPurchaseCents?.length ? "field-maxPurchaseEuros-error" : "",
                      ]
                        .filter(Boolean)
                        .join(" ")}
                      className="block w-full rounded-lg border border-stone-300 bg-white py-2 pl-3 pr-9 text-stone-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-red-600"
                    />
                    <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-stone-500">
                      €
                    </span>
                  </div>
                </Field>
              </div>
            </Section>
          ) : null}

          <Section id="program-counter" title={t("counter.title")} description={t("counter.description")}>
            <div className="space-y-5">
              {stamps ? (
                <div className="grid gap-5 sm:grid-cols-2">
                  <Field
                    label={t("counter.cooldown")}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={1440}
                    hint={t("counter.cooldownHint")}
                    {...text("cooldownMinutes")}
                  />
                  <Field
                    label={t("counter.dailyLimit")}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={100}
                    hint={t("counter.dailyLimitHint")}
                    {...text("maxDailyStamps")}
                  />
                </div>
              ) : null}
              <div className="grid gap-5 sm:grid-cols-2">
                <Field
                  label={t("counter.sessionIdle")}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={60}
                  hint={t("counter.sessionIdleHint")}
                  {...text("staffSessionIdleMinutes")}
                />
                <Field
                  label={t("counter.sessionMax")}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={24}
                  hint={t("counter.sessionMaxHint")}
                  {...text("staffSessionMaxHours")}
                />
              </div>
              <Checkbox
                name="requireStaffPin"
                label={t("counter.requirePin")}
                hint={t("counter.requirePinHint")}
                checked={draft.requireStaffPin}
                onChange={set("requireStaffPin")}
                errors={fieldErrors?.requireStaffPin}
              />
              <Checkbox
                name="active"
                label={t("counter.active")}
                hint={t("counter.activeHint")}
                checked={draft.active}
                onChange={set("active")}
                errors={fieldErrors?.active}
              />
            </div>
          </Section>

          <Section id="program-emails" title={t("emails.title")} description={t("emails.description")}>
            <div className="space-y-5">
              {points ? (
                <Field
                  label={t("emails.expiry")}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={120}
                  hint={t("emails.expiryHint")}
                  {...text("pointsExpiryMonths")}
                />
              ) : null}
              <Checkbox
                name="birthdayRewardEnabled"
                label={t("emails.birthday")}
                hint={t("emails.birthdayHint")}
                checked={draft.birthdayRewardEnabled}
                onChange={set("birthdayRewardEnabled")}
                errors={fieldErrors?.birthdayRewardEnabled}
              />
              {draft.birthdayRewardEnabled ? (
                <div className="grid gap-5 sm:grid-cols-2">
                  {stamps ? (
                    <Field
                      label={t("emails.birthdayStamps")}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={50}
                      {...text("birthdayRewardStamps")}
                    />
                  ) : null}
                  {points ? (
                    <Field
                      label={t("emails.birthdayPoints")}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={100000}
                      {...text("birthdayRewardPoints")}
                    />
                  ) : null}
                </div>
              ) : null}
            </div>
          </Section>

          <Section id="program-branding" title={t("branding.title")} description={t("branding.description")}>
            <div className="space-y-5">
              <Field
                label={t("branding.cardName")}
                maxLength={60}
                hint={t("branding.cardNameHint")}
                autoComplete="off"
                {...text("cardName")}
              />
              <div className="grid gap-5 sm:grid-cols-3">
                <ColorField
                  label={t("branding.background")}
                  pickerLabel={t("branding.picker", { name: t("branding.background") })}
                  name="cardColor"
                  value={draft.cardColor}
                  onChange={set("cardColor")}
                  errors={fieldErrors?.cardColor}
                />
                <ColorField
                  label={t("branding.foreground")}
                  pickerLabel={t("branding.picker", { name: t("branding.foreground") })}
                  name="foregroundColor"
                  value={draft.foregroundColor}
                  onChange={set("foregroundColor")}
                  errors={fieldErrors?.foregroundColor}
                  hint={lowContrast ? t("branding.lowContrast") : undefined}
                />
                <ColorField
                  label={t("branding.label")}
                  pickerLabel={t("branding.picker", { name: t("branding.label") })}
                  name="labelColor"
                  value={draft.labelColor}
                  onChange={set("labelColor")}
                  errors={fieldErrors?.labelColor}
                />
              </div>
              <SelectField
                label={t("branding.walletBarcode")}
                name="walletBarcode"
                hint={t("branding.walletBarcodeHint")}
                errors={fieldErrors?.walletBarcode}
              >
                {(props) => (
                  <select
                    {...props}
                    value={draft.walletBarcode}
                    onChange={(event) => set("walletBarcode")(event.target.value as ProgramDraft["walletBarcode"])}
                  >
                    <option value="qr">{t("branding.barcodeQr")}</option>
                    <option value="code128">{t("branding.barcodeCode128")}</option>
                  </select>
                )}
              </SelectField>
            </div>
          </Section>

          <div className="flex items-center justify-between gap-4 rounded-xl border border-stone-200 bg-white px-5 py-4 shadow-sm sm:px-6">
            <div aria-live="polite" className="min-w-0 flex-1 text-sm">
              {state && !state.ok ? (
                <span role="alert" className="font-medium text-red-800">
                  {state.message}
                </span>
              ) : dirty ? (
                <span className="inline-flex items-center gap-2 font-medium text-amber-900">
                  <span aria-hidden="true" className="size-2 rounded-full bg-amber-500" />
                  {t("unsaved")}
                </span>
              ) : state?.ok ? (
                <span className="font-medium text-emerald-800">{mode === "create" ? t("setup.created") : t("saved")}</span>
              ) : (
                <span className="text-stone-600">{mode === "create" ? t("setup.hint") : t("upToDate")}</span>
              )}
            </div>
            <SubmitButton pending={pending} pendingLabel={mode === "create" ? t("setup.creating") : t("saving")}>
              {mode === "create" ? t("setup.create") : t("save")}
            </SubmitButton>
          </div>
        </form>
        {children}
      </div>

      <aside aria-labelledby="program-preview-heading" className="order-first lg:order-none">
        <div className="lg:sticky lg:top-6">
          <Section id="program-preview" title={t("preview.title")} description={t("preview.description")}>
            <WalletCardPreview
              loyaltyType={draft.loyaltyType}
              cardName={draft.cardName.trim()}
              merchantName={merchantName}
              stampsTarget={previewTarget(draft.stampsTarget, initial.stampsTarget)}
              rewardDescription={draft.stampsRewardDescription.trim()}
              nextReward={nextReward}
              backgroundColor={draft.cardColor}
              foregroundColor={draft.foregroundColor}
              labelColor={draft.labelColor}
              logoUrl={logoUrl}
            />
          </Section>
        </div>
      </aside>
    </div>
  );
}

function Checkbox({
  name,
  label,
  hint,
  checked,
  onChange,
  errors,
}: {
  name: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  errors?: string[];
}) {
  const id = `field-${name}`;
  return (
    <div className="flex gap-3">
      <input
        id={id}
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-hint`}
        className="mt-0.5 size-5 shrink-0 rounded accent-brand-700"
      />
      <div>
        <label htmlFor={id} className="font-medium text-stone-900">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
        <FieldErrors errors={errors} />
      </div>
    </div>
  );
}

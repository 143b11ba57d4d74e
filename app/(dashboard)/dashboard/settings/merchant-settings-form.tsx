"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { MerchantSettings } from "@/lib/merchants/schemas";

type Result = { changed: (keyof MerchantSettings)[] };
type Action = (previous: ActionResult<Result> | null, form: FormData) => Promise<ActionResult<Result>>;

type MerchantSettingsFormProps = {
  action: Action;
  values: MerchantSettings;
  /** The time zones by region, region names already in the person's language. */
  timeZoneGroups: { label: string; zones: { value: string; label: string }[] }[];
  locales: { value: string; name: string }[];
};

/** The business's name, time zone and default language (the owner only). */
export function MerchantSettingsForm({ action, values, timeZoneGroups, locales }: MerchantSettingsFormProps) {
  const t = useTranslations("dashboard.settings.business");
  const tf = useTranslations("forms");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-5">
      <Field
        label={t("name")}
        name="name"
        defaultValue={values.name}
        required
        maxLength={80}
        autoComplete="organization"
        errors={fieldErrors?.name}
      />
      <SelectField label={t("timeZone")} name="timeZone" hint={t("timeZoneHint")} errors={fieldErrors?.timeZone}>
        {(props) => (
          <select {...props} defaultValue={values.timeZone}>
            {timeZoneGroups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.zones.map((zone) => (
                  <option key={zone.value} value={zone.value}>
                    {zone.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </SelectField>
      <SelectField label={t("defaultLocale")} name="defaultLocale" hint={t("defaultLocaleHint")} errors={fieldErrors?.defaultLocale}>
        {(props) => (
          <select {...props} defaultValue={values.defaultLocale}>
            {locales.map((locale) => (
              <option key={locale.value} value={locale.value} lang={locale.value}>
                {locale.name}
              </option>
            ))}
          </select>
        )}
      </SelectField>
      <div aria-live="polite">
        {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
        {state?.ok ? <FormMessage kind="success">{state.data.changed.length > 0 ? tf("saved") : t("unchanged")}</FormMessage> : null}
      </div>
      <SubmitButton pending={pending} pendingLabel={tf("saving")}>
        {tf("save")}
      </SubmitButton>
    </form>
  );
}

import { useTranslations } from "next-intl";
import Link from "next/link";
import { FieldErrors } from "@/components/forms/field";

export type StoreOption = { id: string; name: string };

/** Staff work in stores: without an open one, the way to the Stores page. */
export function NoStoresNotice() {
  const t = useTranslations("dashboard.staff");
  return (
    <p className="rounded-lg border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-700">
      {t.rich("noStores", {
        link: (chunks) => (
          <Link href="/dashboard/stores" className="font-semibold text-brand-700 underline">
            {chunks}
          </Link>
        ),
      })}
    </p>
  );
}

/** The open stores as checkboxes (at least one is needed; a single store is ticked already). */
export function StoreCheckboxes({ stores, checked = [], errors }: { stores: StoreOption[]; checked?: string[]; errors?: string[] }) {
  const t = useTranslations("dashboard.staff");
  const errorId = errors?.length ? "field-storeIds-error" : undefined;
  return (
    <fieldset
      aria-describedby={[stores.length > 0 ? "field-storeIds-hint" : undefined, errorId].filter(Boolean).join(" ") || undefined}
      aria-invalid={errors?.length ? true : undefined}
    >
      <legend className="block text-sm font-medium text-stone-800">{t("fields.stores")}</legend>
      {stores.length === 0 ? (
        <div className="mt-2">
          <NoStoresNotice />
        </div>
      ) : (
        <>
          <ul className="mt-2 grid gap-2 sm:grid-cols-2">
            {stores.map((store) => (
              <li key={store.id}>
                <label className="flex items-center gap-2 rounded-lg border border-stone-200 px-3 py-2 text-stone-900 hover:bg-stone-50 has-[:checked]:border-brand-300 has-[:checked]:bg-brand-50">
                  <input
                    type="checkbox"
                    name="storeIds"
                    value={store.id}
                    defaultChecked={checked.includes(store.id) || (stores.length === 1 && checked.length === 0)}
                    className="size-4 accent-brand-700"
                  />
                  {store.name}
                </label>
              </li>
            ))}
          </ul>
          <p id="field-storeIds-hint" className="mt-1 text-sm text-stone-600">
            {t("fields.storesHint")}
          </p>
        </>
      )}
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}

/**
 * FormData as the plain object the API's zod schemas take: empty fields are
 * left out, `numbers` become numbers (a field that is not one stays text, so
 * the schema names it), `booleans` are checkboxes (present means true),
 * `lists` collect every value of a repeated field.
 */
export function formValues(
  form: FormData,
  types: { numbers?: string[]; booleans?: string[]; lists?: string[]; keepEmpty?: string[] } = {},
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of new Set(form.keys())) {
    if (name.startsWith("$ACTION")) continue;
    if (types.lists?.includes(name)) {
      values[name] = form.getAll(name).filter((value): value is string => typeof value === "string" && value !== "");
      continue;
    }
    const raw = form.get(name);
    if (typeof raw !== "string") continue;
    if (types.booleans?.includes(name)) continue;
    const text = raw.trim();
    if (text === "" && !types.keepEmpty?.includes(name)) continue;
    if (types.numbers?.includes(name)) {
      const number = Number(text.replace(",", "."));
      values[name] = text !== "" && Number.isFinite(number) ? number : text;
    } else {
      values[name] = raw;
    }
  }
  for (const name of types.booleans ?? []) values[name] = form.get(name) !== null && form.get(name) !== "false";
  for (const name of types.lists ?? []) values[name] ??= [];
  return values;
}

/** A JSON Schema property as a row of the reference page's tables. */
export type FieldRow = { name: string; type: string; required: boolean; description: string | null; constraints: string[] };

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  format?: string;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
};

function typeOf(schema: Schema): string {
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  if (type === "array" && schema.items) return `${typeOf(schema.items)}[]`;
  return schema.format ? `${type} (${schema.format})` : type;
}

function constraintsOf(schema: Schema): string[] {
  const out: string[] = [];
  if (schema.minimum !== undefined) out.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) out.push(`≤ ${schema.maximum}`);
  if (schema.minLength !== undefined) out.push(`≥ ${schema.minLength} chars`);
  if (schema.maxLength !== undefined) out.push(`≤ ${schema.maxLength} chars`);
  if (schema.minItems !== undefined) out.push(`≥ ${schema.minItems} items`);
  if (schema.default !== undefined && typeof schema.default !== "object") out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

/** Flattens an object schema into rows, nested objects as "parent.child". */
export function describeSchema(schema: Schema, prefix = "", parentRequired = true): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const required = parentRequired && (schema.required?.includes(name) ?? false);
    const nullable = property.anyOf?.find((option) => option.type !== "null");
    const shown =
      nullable && property.anyOf?.length === 2 ? { ...nullable, description: property.description ?? nullable.description } : property;
    const type = property.anyOf && nullable && property.anyOf.length === 2 ? `${typeOf(nullable)} | null` : typeOf(property);
    rows.push({ name: path, type, required, description: shown.description ?? null, constraints: constraintsOf(shown) });
    if (shown.type === "object" && shown.properties) rows.push(...describeSchema(shown, path, required));
    if (shown.type === "array" && shown.items?.type === "object") rows.push(...describeSchema(shown.items, `${path}[]`, required));
  }
  return rows;
}

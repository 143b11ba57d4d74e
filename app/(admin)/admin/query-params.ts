import type { z } from "zod";

type SearchParams = Record<string, string | string[] | undefined>;

/** A page's query string through its schema, field by field: a value that is not valid is ignored rather than failing the page. */
export function parseQueryParams<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  params: SearchParams,
): Partial<z.infer<z.ZodObject<Shape>>> {
  const query: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (!value) continue;
    const parsed = (schema.shape[key] as z.ZodType).safeParse(value);
    if (parsed.success && parsed.data !== undefined) query[key] = parsed.data;
  }
  return query as Partial<z.infer<z.ZodObject<Shape>>>;
}

/** A link to the same page with these query parameters (empty ones left out). */
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

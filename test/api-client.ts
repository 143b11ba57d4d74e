type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

export type ApiCall = {
  method?: string;
  path: string;
  apiKey?: string;
  body?: unknown;
  /** A body sent as is (malformed JSON, wrong content type). */
  rawBody?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
};

export type ApiAnswer = { status: number; headers: Headers; body: Record<string, unknown> & { [key: string]: unknown } };

/** Calls a Next route handler the way Next does: a real Request, params as a promise. */
export async function callRoute(handler: RouteHandler | undefined, call: ApiCall): Promise<ApiAnswer> {
  if (!handler) throw new Error(`no ${call.method ?? "GET"} handler for ${call.path}`);
  const headers = new Headers(call.headers);
  if (call.apiKey) headers.set("authorization", `Bearer ${call.apiKey}`);
  let body: string | undefined = call.rawBody;
  if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(`https://loyalty.test${call.path}`, { method: call.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as ApiAnswer["body"]) : {} };
}

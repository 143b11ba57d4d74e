/**
 * A problem+json refusal made where the error machinery of lib/http/problem.ts is not at hand
 * (proxy.ts, the server's fast path): the stable code VALIDATION_FAILED with the given status.
 */
export function validationRefusal(status: 400 | 413, title: string, detail: string, headers: Record<string, string> = {}): Response {
  return Response.json(
    { type: "about:blank#VALIDATION_FAILED", title, status, code: "VALIDATION_FAILED", detail },
    { status, headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers } },
  );
}

import fs from "node:fs";
import path from "node:path";

/**
 * Calls server actions the way a browser does: a POST to a page that uses the
 * action, with the `Next-Action` header naming the action's id and the
 * arguments encoded as React's client encodes them (encodeReply).
 *
 * The ids come from the build's server reference manifest
 * (.next/server/server-reference-manifest.json), which maps each id to the
 * file and export it was compiled from and to the pages ("workers") that
 * can run it. That is robust where scraping a form's hidden action id is not:
 * most forms here submit from client code, so the id is not in the HTML, and
 * an action used by no form on a page would stay unreachable to the test yet
 * reachable to an attacker who reads the client bundle.
 */

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };
type Manifest = { node: Record<string, ManifestEntry> };

export type ActionReference = { id: string; file: string; name: string; pages: string[] };

export function readActionReferences(root = process.cwd()): Map<string, ActionReference> {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const references = new Map<string, ActionReference>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    const file = path.relative(root, path.resolve(root, entry.filename));
    const pages = Object.keys(entry.workers)
      .filter((worker) => /\/page$/.test(worker))
      .map((worker) => `${worker}.tsx`);
    references.set(`${file}#${entry.exportedName}`, { id, file, name: entry.exportedName, pages });
  }
  return references;
}

/** A string argument as React encodes it: a leading "$" is escaped. */
function encodeValue(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (value === undefined) return "$undefined";
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encodeValue(item)]));
  return value;
}

/**
 * The request body of an action call. FormData arguments travel as a
 * multipart body (their fields prefixed "_<n>_", referenced as "$K<n>");
 * anything else as the JSON text of the argument list.
 */
export function encodeActionArguments(args: unknown[]): { body: BodyInit; headers: Record<string, string> } {
  const forms = args.filter((arg): arg is FormData => arg instanceof FormData);
  if (forms.length === 0) return { body: JSON.stringify(args.map(encodeValue)), headers: { "content-type": "text/plain;charset=UTF-8" } };
  const body = new FormData();
  let part = 1;
  const encoded = args.map((arg) => {
    if (!(arg instanceof FormData)) return encodeValue(arg);
    const id = part++;
    arg.forEach((value, key) => body.append(`_${id}_${key}`, value));
    return `$K${id.toString(16)}`;
  });
  body.set("0", JSON.stringify(encoded));
  return { body, headers: {} };
}

export type ActionOutcome = {
  status: number;
  /** "ok", an error code the action answered (FORBIDDEN, VALIDATION_FAILED…), "redirect:/path", or "http:<status>". */
  result: string;
  body: string;
};

/** What a call answered, in the matrix's words. */
export function actionOutcome(status: number, headers: Headers, body: string): ActionOutcome {
  const redirect = headers.get("x-action-redirect");
  if (redirect) return { status, result: `redirect:${new URL(redirect.split(";")[0]!, "http://x").pathname}`, body };
  if (status >= 300 && status < 400 && headers.get("location"))
    return { status, result: `redirect:${new URL(headers.get("location")!, "http://x").pathname}`, body };
  if (status !== 200) return { status, result: `http:${status}`, body };
  const code = /"ok":false,"code":"([A-Z_]+)"/.exec(body);
  if (code) return { status, result: code[1]!, body };
  if (/"ok":true/.test(body)) return { status, result: "ok", body };
  return { status, result: "done", body };
}

export async function callAction(
  baseUrl: string,
  pagePath: string,
  actionId: string,
  args: unknown[],
  headers: Record<string, string> = {},
): Promise<ActionOutcome> {
  const encoded = encodeActionArguments(args);
  const response = await fetch(`${baseUrl}${pagePath}`, {
    method: "POST",
    redirect: "manual",
    headers: { accept: "text/x-component", "next-action": actionId, origin: baseUrl, ...encoded.headers, ...headers },
    body: encoded.body,
  });
  return actionOutcome(response.status, response.headers, await response.text());
}

import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { bodilessWebRequest, sendWebResponse } from "./fast-path";
import { withOwnHeaders } from "./own-headers";
import { validationRefusal } from "./refusal";

/** Whether the address's path has a %-escape that does not decode to UTF-8 ("%zz", "%E0%A4%A"). */
export function undecodablePath(url: string): boolean {
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/**
 * Fast path (scripts/serve.mjs) for addresses whose path cannot be decoded: Next answers a
 * request whose dynamic segment holds such an escape with a bare 500 (/card/%zz, any API
 * route with a parameter). Refused here with 400 problem+json and the usual headers instead.
 */
export function refuseUndecodablePath(req: IncomingMessage, res: ServerResponse): boolean {
  if (!undecodablePath(req.url ?? "/")) return false;
  let request: Request;
  try {
    request = bodilessWebRequest(req, "GET");
  } catch {
    request = new Request("http://localhost/");
  }
  void withOwnHeaders(request, async () =>
    validationRefusal(400, "The address cannot be read", "The path of this address has a malformed %-escape.", { connection: "close" }),
  )
    .then((response) => sendWebResponse(response, res))
    .catch(() => res.destroy());
  return true;
}

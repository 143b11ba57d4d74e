import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorResponse } from "@/lib/http/api-route";
import { bodilessWebRequest, sendWebResponse } from "@/lib/http/fast-path";
import { logger } from "@/lib/logger";
import { answerDevice } from "./answer-device";
import { getLatestPass, listUpdatedPasses } from "./web-service";

const PREFIX = "/api/v1/loyalty/apple/v1/";

type Route = { pattern: RegExp; answer(request: Request, segments: string[]): Promise<Response> };

/** The two calls every device repeats for every pass it holds (Apple's polling and its fetch after a push). */
const ROUTES: Route[] = [
  {
    pattern: /^\/api\/v1\/loyalty\/apple\/v1\/devices\/([^/]+)\/registrations\/([^/]+)$/,
    answer: (request, [deviceLibraryIdentifier = "", passTypeIdentifier = ""]) =>
      listUpdatedPasses(request, { deviceLibraryIdentifier, passTypeIdentifier }),
  },
  {
    pattern: /^\/api\/v1\/loyalty\/apple\/v1\/passes\/([^/]+)\/([^/]+)$/,
    answer: (request, [passTypeIdentifier = "", serialNumber = ""]) => getLatestPass(request, { passTypeIdentifier, serialNumber }),
  },
];

function decodeSegments(raw: string[]): string[] | null {
  try {
    return raw.map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

/**
 * The PassKit web service's GETs, answered before Next's router: the same functions as the route
 * handlers under app/api/v1/loyalty/apple/, with the same misses limit, headers and errors
 * (answer-device.ts). Next's routing and its request and response wrappers cost more CPU than
 * these answers themselves (a serial list is one indexed query, an unchanged pass a 304), and
 * every device repeats them for every pass it holds. Anything else, including a path Next would
 * decode differently or refuse, goes on to Next.
 */
export function appleWebServiceFastPath(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" || !req.url?.startsWith(PREFIX)) return false;
  const queryAt = req.url.indexOf("?");
  const path = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const segments = decodeSegments(match.slice(1));
    if (!segments) return false;
    let request: Request;
    try {
      request = bodilessWebRequest(req);
    } catch {
      return false;
    }
    void answerDevice(request, () => route.answer(request, segments))
      .catch((error: unknown) => errorResponse(error, request))
      .then((response) => sendWebResponse(response, res))
      .catch((error: unknown) => {
        logger.error("http.fast_path_failed", { error: error instanceof Error ? error.message : String(error) });
        res.destroy();
      });
    return true;
  }
  return false;
}

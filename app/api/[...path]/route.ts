import { problemResponse } from "@/lib/http/problem";
import { withOwnHeaders } from "@/lib/http/own-headers";

export const dynamic = "force-dynamic";

/**
 * Any address under /api/ that no route serves: a 404 problem for every
 * method. Without this, Next answered with its not-found page, and a POST with
 * a malformed multipart body with a 500 (it parses one as a form sent to a
 * page's server action). Not counted against the client: an unknown address
 * reveals nothing, while a wrong pass or token on a real one is counted.
 */
function notFound(request: Request): Promise<Response> {
  return withOwnHeaders(request, async () => problemResponse("NOT_FOUND", { detail: "No API endpoint at this address." }));
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;

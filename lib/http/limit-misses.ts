import "server-only";
import { failureLimit } from "@/lib/rate-limit/failure-limit";
import { errorResponse } from "./api-route";
import { clientKeyOf } from "./client-key";
import { withOwnHeaders } from "./own-headers";

const MISSES = new Set([401, 403, 404]);
const misses = failureLimit("publicMissesByClient");

/**
 * Public and wallet routes whose address or header carries the secret (a pass's serial and
 * ApplePass token, a signed link, a page token, a store code): each refused request (401, 403,
 * 404) counts against the client, and a client over the limit gets 429 RATE_LIMITED with
 * Retry-After before anything is looked up. Requests that succeed are not counted, so phones
 * refreshing their passes are never slowed down.
 */
export async function limitMisses(request: Request, work: () => Promise<Response>): Promise<Response> {
  return withOwnHeaders(request, async () => {
    const client = clientKeyOf(request);
    try {
      await misses.check(client, new Date());
    } catch (error) {
      return errorResponse(error, request);
    }
    const answer = await work();
    if (MISSES.has(answer.status)) await misses.record(client, new Date());
    return answer;
  });
}

import "server-only";
import { errorResponse } from "@/lib/http/api-route";
import { limitMisses } from "@/lib/http/limit-misses";

/**
 * How every PassKit web service call a device makes is answered, whether Next
 * routed it (app/api/v1/loyalty/apple/…) or the fast path did
 * (web-service-fast-path.ts): misses counted against the client, an error as a
 * problem answer, the request id and security headers on the response.
 */
export function answerDevice(request: Request, work: () => Promise<Response>): Promise<Response> {
  return limitMisses(request, async () => {
    try {
      return await work();
    } catch (error) {
      return errorResponse(error, request);
    }
  });
}

import { limitMisses } from "@/lib/http/limit-misses";
import { errorResponse } from "@/lib/http/api-route";
import { problemResponse } from "@/lib/http/problem";
import { appleCertificates } from "@/lib/wallet/apple/apple-certificates";
import { verifyApplePassLink } from "@/lib/wallet/apple/pass-link";
import { downloadPass } from "@/lib/wallet/apple/web-service";

export const dynamic = "force-dynamic";

/** The card owner's "Add to Apple Wallet": `<serial>.pkpass?expires=…&sig=…`, a signed link from their web card page. */
export async function GET(request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> {
  return limitMisses(request, async () => {
    try {
      const { file } = await context.params;
      const serial = /^([A-Za-z0-9_-]{1,128})\.pkpass$/.exec(file)?.[1];
      if (!serial || !appleCertificates()) return problemResponse("NOT_FOUND", { detail: "No such pass." });
      const query = new URL(request.url).searchParams;
      if (!verifyApplePassLink(serial, query.get("expires"), query.get("sig"), new Date())) {
        return problemResponse("FORBIDDEN", {
          detail: "This link has expired or is not valid. Open your card page again and tap Add to Apple Wallet.",
        });
      }
      return (await downloadPass(serial)) ?? problemResponse("NOT_FOUND", { detail: "No such pass." });
    } catch (error) {
      return errorResponse(error, request);
    }
  });
}

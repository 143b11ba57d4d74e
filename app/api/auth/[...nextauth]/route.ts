import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { problemResponse } from "@/lib/http/problem";
import { readBoundedText } from "@/lib/http/read-body";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth v4's endpoints under /api/auth/; it answers anything else with a 500 of its own.
const ACTIONS = new Set(["providers", "session", "csrf", "signin", "signout", "callback", "verify-request", "error", "_log"]);

async function handler(request: NextRequest, context: Context): Promise<Response> {
  const params = await context.params;
  if (!ACTIONS.has(params.nextauth[0] ?? "")) return problemResponse("NOT_FOUND", { detail: "Nothing at this address." });
  let forwarded = request;
  // next-auth parses a JSON body itself and answers a malformed one with a 500: check it first (and its size).
  if (request.method === "POST" && (request.headers.get("content-type") ?? "").includes("application/json")) {
    const text = await readBoundedText(request);
    if (text === null) return problemResponse("VALIDATION_FAILED", { detail: "The request body is too large." });
    try {
      JSON.parse(text);
    } catch {
      return problemResponse("VALIDATION_FAILED", { detail: "Malformed JSON body." });
    }
    forwarded = new NextRequest(request.url, { method: request.method, headers: request.headers, body: text });
  }
  return NextAuth(forwarded as never, { params } as never, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };

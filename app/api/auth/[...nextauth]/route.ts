import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { problemResponse } from "@/lib/http/problem";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth v4's endpoints under /api/auth/; it answers anything else with a 500 of its own.
const ACTIONS = new Set(["providers", "session", "csrf", "signin", "signout", "callback", "verify-request", "error", "_log"]);

async function handler(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  if (!ACTIONS.has(params.nextauth[0] ?? "")) return problemResponse("NOT_FOUND", { detail: "Nothing at this address." });
  return NextAuth(request as never, { params } as never, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };

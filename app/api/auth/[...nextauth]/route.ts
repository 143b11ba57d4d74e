import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context): Promise<Response> {
  return NextAuth(request as never, { params: await context.params } as never, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };

import "next-auth";
import "next-auth/jwt";

// What the session cookie carries: who, and which server-side session (revocable).
declare module "next-auth" {
  interface User {
    sessionId: string;
    role: "owner" | "manager" | "admin";
    merchantId: string | null;
  }
  interface Session {
    uid: string;
    sid: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sid?: string;
  }
}

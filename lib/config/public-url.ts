/**
 * Whether the app is served over HTTPS (LOYALTY_PUBLIC_URL starts with https://), for proxy.ts,
 * which runs before the full configuration is read and must stay light. getConfig() validates the
 * same variable; this only looks at its scheme.
 */
export function servedOverHttps(): boolean {
  return (process.env.LOYALTY_PUBLIC_URL ?? "").trim().toLowerCase().startsWith("https://");
}

/** The app's public origin (LOYALTY_PUBLIC_URL, else http://localhost:$PORT as getConfig() defaults it). */
export function publicOrigin(): string {
  const url = process.env.LOYALTY_PUBLIC_URL?.trim() || `http://localhost:${process.env.PORT ?? "3000"}`;
  try {
    return new URL(url).origin.toLowerCase();
  } catch {
    return "";
  }
}

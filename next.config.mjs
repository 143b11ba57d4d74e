import { PHASE_PRODUCTION_SERVER } from "next/constants.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // proxy.ts sets the security headers of pages and routes; Next's static files get the ones that apply to them.
  async headers() {
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx (owner-only pages).
    authInterrupts: true,
    // The program's logo (at most 1 MiB, LOGO_RULES) is uploaded through a server action, whose body
    // limit is 1 MB by default: allow the file plus its multipart framing, and no more.
    serverActions: { bodySizeLimit: "1.1mb" },
    // proxy.ts runs on every request, so Next copies each request body into memory for it (10 MB by default).
    // The largest body the app takes is the logo's server action above: buffer that much, never more.
    proxyClientMaxBodySize: "1.1mb",
  },
  // Packages that load native binaries, WebAssembly or files next to their
  // own modules at run time: bundling them would break those paths.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "argon2",
    "pg",
    "proper-lockfile",
    "nodemailer",
    // Google's generated walletobjects client: large; Node loads it as it is, unbundled.
    "@googleapis/walletobjects",
  ],
};

/**
 * next-intl's plugin only tells the bundler where the request config is (lib/i18n/request.ts), so the server
 * of a built app does without it: importing it loads SWC's native binary and a file watcher, about 27 MB
 * of the server's memory for nothing.
 */
export default async function config(/** @type {string} */ phase) {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  return createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
}

import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

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

export default withNextIntl(nextConfig);

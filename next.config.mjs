import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // forbidden() answers 403 with app/forbidden.tsx (owner-only pages).
  experimental: { authInterrupts: true },
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
  ],
};

export default withNextIntl(nextConfig);

import type { DemoSeed } from "./seed-demo";

/** What `npm run db:seed` and `npm start` print about the demo: how to log in, the PINs, the URLs to try. */
export function formatDemoSummary(seed: DemoSeed, publicUrl: string): string {
  const width = Math.max(...seed.stores.map((store) => store.name.length));
  const lines = [
    seed.created
      ? `Created the demo merchant "${seed.merchantName}" with ${seed.customers} customers and 60 days of history.`
      : `The demo merchant "${seed.merchantName}" is already there (${seed.customers} customers); nothing was changed.`,
    "",
    `  Try it:      ${publicUrl}/demo`,
    `  Dashboard:   ${publicUrl}/login   ${seed.ownerEmail} / ${seed.ownerPassword}`,
    `  Admin:       ${publicUrl}/admin   ${seed.adminEmail} / ${seed.adminPassword}`,
    `  API key:     ${seed.apiKey}`,
    `  Stores:`,
    ...seed.stores.map(
      (store) => `    ${store.name.padEnd(width)}  join ${publicUrl}/join/${store.code}   counter ${publicUrl}/counter/${store.code}`,
    ),
    `  Staff PINs:  ${seed.staff.map((member) => `${member.name} ${member.pin}`).join(", ")}`,
  ];
  if (!seed.credentialsMatch) {
    lines.push(
      "",
      "  Warning: the demo was created with another server secret, so this password and these PINs will not work.",
      "  Recreate it with: npm run db:reset && npm run db:seed",
    );
  }
  return lines.join("\n");
}

/** The machine-readable form (`npm run db:seed -- --json`). */
export function demoSeedJson(seed: DemoSeed) {
  return {
    ownerEmail: seed.ownerEmail,
    ownerPassword: seed.ownerPassword,
    adminEmail: seed.adminEmail,
    adminPassword: seed.adminPassword,
    apiKey: seed.apiKey,
    merchantId: seed.merchantId,
    stores: seed.stores.map(({ id, code, name }) => ({ id, code, name })),
    staff: seed.staff.map(({ id, name, pin }) => ({ id, name, pin })),
  };
}

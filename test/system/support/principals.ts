import { randomUUID } from "node:crypto";
import { inviteManager } from "@/lib/accounts/invitations";
import { signUp } from "@/lib/accounts/sign-up";
import { createPlatformAdmin } from "@/lib/admin/create-platform-admin";
import { createApiKey } from "@/lib/auth/api-keys";
import { hashSecret } from "@/lib/auth/password-hash";
import { enrollCustomer } from "@/lib/cards/enroll-customer";
import { systemClock } from "@/lib/clock";
import { db, setDatabase } from "@/lib/db";
import type { Database } from "@/lib/db/open-database";
import { createPairingLink } from "@/lib/devices/create-pairing-link";
import { pairDevice } from "@/lib/devices/pair-device";
import { createReward } from "@/lib/programs/manage-rewards";
import { createProgram } from "@/lib/programs/create-program";
import type { ServiceContext } from "@/lib/service-context";
import { createStaffMember } from "@/lib/staff/manage-staff";
import { createStore } from "@/lib/stores/create-store";

/**
 * Who calls the app in the system suites. Each principal is a set of request
 * headers (cookies, an API key) that the suites add to their requests.
 *
 *   anonymous    nothing
 *   customer     the held-cards cookie of merchant A's web card (/card/<token>): what a phone that opened its card page has
 *   device       merchant A's paired counter tablet (its device cookie)
 *   manager      merchant A's manager, logged in (next-auth session cookie)
 *   owner        merchant A's owner, logged in
 *   otherOwner   merchant B's owner, logged in: must never reach merchant A's data
 *   admin        a platform admin, logged in
 *   apiKey       merchant A's vendor API key (API routes only)
 */
export const PRINCIPALS = ["anonymous", "customer", "device", "manager", "owner", "otherOwner", "admin", "apiKey"] as const;
export type Principal = (typeof PRINCIPALS)[number];

export const PASSWORD = "correct horse battery staple";
export const STAFF_PIN = "4826";

/** Merchant A's things the matrix addresses (ids in paths, forms and bodies). */
export type World = {
  merchantId: string;
  otherMerchantId: string;
  storeId: string;
  storeCode: string;
  staffId: string;
  rewardId: string;
  programId: string;
  managerId: string;
  invitationId: string;
  card: { id: string; cardNumber: string; pageToken: string; appleSerial: string; appleAuthToken: string; qrPayload: string };
  /** A second card of merchant A, for the API suites to change balances on. */
  otherStoreId: string;
  apiKey: string;
  otherApiKey: string;
  deviceCredential: string;
  deviceId: string;
  passTypeIdentifier: string;
  headers: Record<Principal, Record<string, string>>;
};

type Credentials = { email: string; password: string };

async function seedMerchant(name: string) {
  const suffix = randomUUID().slice(0, 8);
  const owner: Credentials = { email: `owner-${suffix}@system.test`, password: PASSWORD };
  const { merchantId, userId } = await signUp(
    { businessName: `${name} ${suffix}`, name: "Olivia Owner", email: owner.email, password: PASSWORD, locale: "en" },
    `system-${suffix}`,
  );
  const ctx: ServiceContext = { merchantId, actor: { type: "user", userId, role: "owner" }, clock: systemClock };
  const program = await createProgram(ctx, {
    loyaltyType: "hybrid",
    cardName: "Coffee card",
    stampsTarget: 10,
    stampsRewardDescription: "A free coffee",
    pointsPerEuro: 10,
    requireStaffPin: false,
    cooldownMinutes: 0,
    maxDailyStamps: 100,
  });
  const store = await createStore(ctx, { name: "Main street" });
  return { merchantId, ctx, owner, program, store, suffix };
}

/** A cookie jar of one: the Set-Cookie answers of one login, as a Cookie header. */
function mergeCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const index = pair!.indexOf("=");
    jar.set(pair!.slice(0, index).trim(), pair!.slice(index + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/** Logs in over next-auth's credentials endpoint and answers the session cookie header. */
export async function logIn(baseUrl: string, credentials: Credentials): Promise<string> {
  const jar = new Map<string, string>();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  mergeCookies(jar, csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin: baseUrl },
    body: new URLSearchParams({ ...credentials, csrfToken, json: "true" }),
  });
  mergeCookies(jar, response);
  const session = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: cookieHeader(jar) } })).json()) as {
    uid?: string;
  };
  if (!session.uid) throw new Error(`log in failed for ${credentials.email}: ${response.status}`);
  return cookieHeader(jar);
}

/**
 * Seeds merchant A (hybrid program, a store, a staff member with a PIN, a
 * reward, a manager, an invitation, an API key, a paired counter tablet, a
 * customer's card), merchant B (its owner and API key) and a platform admin,
 * in the suite's database, with the services the app uses; then logs the
 * people in to `baseUrl`.
 */
export async function seedWorld(database: Database, baseUrl: string): Promise<World> {
  setDatabase(database);
  const a = await seedMerchant("Café A");
  const b = await seedMerchant("Café B");
  const manager: Credentials = { email: `manager-${a.suffix}@system.test`, password: PASSWORD };
  const managerUser = await db.user.create({
    data: {
      merchantId: a.merchantId,
      email: manager.email,
      name: "Max Manager",
      role: "manager",
      passwordHash: await hashSecret(PASSWORD),
    },
  });
  const admin: Credentials = { email: `admin-${a.suffix}@system.test`, password: PASSWORD };
  await createPlatformAdmin({ email: admin.email, password: PASSWORD, name: "Ada Admin" });
  const staff = await createStaffMember(a.ctx, { name: "Sam Staff", pin: STAFF_PIN, storeIds: [a.store.id] });
  const reward = await createReward(a.ctx, { name: "Croissant", pointsCost: 50 });
  const invitation = await inviteManager(a.ctx, `invited-${a.suffix}@system.test`);
  const otherStore = await createStore(a.ctx, { name: "Station" });
  const apiKey = (await createApiKey(a.ctx, "System key")).key;
  const otherApiKey = (await createApiKey(b.ctx, "System key")).key;
  const link = await createPairingLink(a.ctx, { storeId: a.store.id });
  const device = await pairDevice({ token: link.url.split("/").pop()!, name: "Counter tablet" }, systemClock);
  const { card: view } = await enrollCustomer(a.ctx, {
    storeId: a.store.id,
    customer: { name: "Chloé Customer", email: `chloe-${a.suffix}@system.test` },
    emailConsent: true,
  });
  const card = await db.card.findUniqueOrThrow({
    where: { cardNumber: view.cardNumber },
    select: { id: true, cardNumber: true, pageToken: true, appleSerial: true, appleAuthToken: true, qrPayload: true },
  });
  const [owner, otherOwner, managerCookie, adminCookie] = await Promise.all([
    logIn(baseUrl, a.owner),
    logIn(baseUrl, b.owner),
    logIn(baseUrl, manager),
    logIn(baseUrl, admin),
  ]);
  return {
    merchantId: a.merchantId,
    otherMerchantId: b.merchantId,
    storeId: a.store.id,
    storeCode: a.store.code,
    otherStoreId: otherStore.id,
    staffId: staff.id,
    rewardId: reward.id,
    programId: a.program.id,
    managerId: managerUser.id,
    invitationId: invitation.id,
    card,
    apiKey,
    otherApiKey,
    deviceCredential: device.credential,
    deviceId: device.deviceId,
    passTypeIdentifier: process.env.APPLE_PASS_TYPE_IDENTIFIER ?? "pass.example.loyalty",
    headers: {
      anonymous: {},
      customer: { cookie: `loyalty_held_cards=${card.pageToken}` },
      device: { cookie: `loyalty_counter_device=${device.credential}` },
      manager: { cookie: managerCookie },
      owner: { cookie: owner },
      otherOwner: { cookie: otherOwner },
      admin: { cookie: adminCookie },
      apiKey: { authorization: `Bearer ${apiKey}` },
    },
  };
}

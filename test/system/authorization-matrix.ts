import { randomUUID } from "node:crypto";
import type { Principal, World } from "./support/principals";

/**
 * The authorization matrix: every page, route handler method and server
 * action of app/, and what each principal gets from it. The suite
 * (authorization-matrix.test.ts) requests every cell and fails on any
 * difference, and fails when app/ holds a page, method or action this file
 * does not list (or lists one that no longer exists).
 *
 * Cells:
 *   200, 401, 403, 404, 422…   the HTTP status
 *   "redirect:/login"          a redirect (3xx) to that path (query left out)
 *   actions: "ok", "done" (an action answering nothing), an ActionResult
 *   code ("VALIDATION_FAILED", "FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED"),
 *   "redirect:/path", or "http:403".
 *
 * Requests never change merchant A's data: authorized principals send an
 * invalid body or form (so they get a validation error, proof they passed the
 * authorization check), while `otherOwner` sends a valid one naming merchant
 * A's ids (so only the merchant scoping stands between it and A's data).
 *
 * Adding a row is one line: `dashboardPage("app/(dashboard)/dashboard/campaigns/page.tsx")`,
 * `merchantActionRow("app/(dashboard)/dashboard/campaigns/actions.ts", "createCampaignAction")`.
 */

export type Cell = number | string;
export type Expectations = Record<Exclude<Principal, "apiKey">, Cell> & { apiKey?: Cell };

export type HttpRow = {
  key: string;
  path: (w: World, p: Principal) => string;
  method: string;
  body?: (w: World, p: Principal) => unknown;
  expect: Expectations;
};

export type ActionRow = {
  key: string;
  /** The arguments the browser would send (a FormData for form actions). */
  args: (w: World, p: Principal) => unknown[];
  expect: Expectations;
};

const L = "redirect:/login";
const TO_ADMIN = "redirect:/admin";
const SIGNED_OUT = { anonymous: L, customer: L, device: L, apiKey: L } as const;

const all = (cell: Cell): Expectations => ({
  anonymous: cell,
  customer: cell,
  device: cell,
  manager: cell,
  owner: cell,
  otherOwner: cell,
  admin: cell,
  apiKey: cell,
});

const fixedPath = (path: string) => () => path;

// ─── Pages ────────────────────────────────────────────────────────────────

function page(file: string, path: (w: World, p: Principal) => string, expect: Expectations): HttpRow {
  return { key: `PAGE ${file}`, method: "GET", path, expect };
}

/** A public page: everyone gets it. */
const publicPage = (file: string, path: (w: World) => string, cell: Cell = 200) => page(file, path, all(cell));

/**
 * A dashboard page: merchant users only; a platform admin is sent to the
 * console. `ownerOnly`: a manager gets 403. `scoped`: the path names one of
 * merchant A's things, so merchant B's owner gets 404.
 */
function dashboardPage(
  file: string,
  path = file.replace(/^app\/\(dashboard\)/, "").replace(/\/page\.tsx$/, ""),
  o: { ownerOnly?: boolean; scoped?: boolean; pathOf?: (w: World) => string } = {},
): HttpRow {
  return page(file, o.pathOf ?? fixedPath(path), {
    ...SIGNED_OUT,
    manager: o.ownerOnly ? 403 : 200,
    owner: 200,
    otherOwner: o.scoped ? 404 : 200,
    admin: TO_ADMIN,
  });
}

/** An admin console page: anonymous visitors log in first; anyone else but a platform admin gets 403. */
function adminPage(
  file: string,
  pathOf: (w: World) => string = fixedPath(file.replace(/^app\/\(admin\)/, "").replace(/\/page\.tsx$/, "")),
): HttpRow {
  return page(file, pathOf, { anonymous: L, customer: L, device: L, apiKey: L, manager: 403, owner: 403, otherOwner: 403, admin: 200 });
}

/** The login and signup pages: signed-in people go to their home. */
const signedInHome = { manager: "redirect:/dashboard", owner: "redirect:/dashboard", otherOwner: "redirect:/dashboard", admin: TO_ADMIN };

export const PAGE_ROWS: HttpRow[] = [
  publicPage("app/page.tsx", fixedPath("/")),
  publicPage("app/demo/page.tsx", fixedPath("/demo")),
  publicPage("app/docs/api/page.tsx", fixedPath("/docs/api")),
  page("app/(auth)/login/page.tsx", fixedPath("/login"), { ...all(200), ...signedInHome }),
  // A platform admin may open the sign-up form (as anyone may); merchant users go to their dashboard.
  page("app/(auth)/signup/page.tsx", fixedPath("/signup"), { ...all(200), ...signedInHome, admin: 200 }),
  publicPage("app/(auth)/forgot-password/page.tsx", fixedPath("/forgot-password")),
  // An unknown or spent token shows the "link expired" page, to anyone.
  publicPage("app/(auth)/invite/[token]/page.tsx", fixedPath(`/invite/${"x".repeat(43)}`)),
  publicPage("app/(auth)/reset-password/[token]/page.tsx", fixedPath(`/reset-password/${"x".repeat(43)}`)),
  // The counter screen: a paired tablet gets its store's screen; anyone else the "pair this tablet" screen.
  publicPage("app/(counter)/counter/page.tsx", fixedPath("/counter")),
  publicPage("app/(counter)/counter/pair/[token]/page.tsx", fixedPath(`/counter/pair/${"x".repeat(43)}`)),
  // The page token is the card page's bearer secret: whoever has the link sees the card.
  publicPage("app/(enroll)/card/[token]/page.tsx", (w) => `/card/${w.card.pageToken}`),
  publicPage("app/(enroll)/join/[storeCode]/page.tsx", (w) => `/join/${w.storeCode}`),
  publicPage("app/(enroll)/join/[storeCode]/collect/page.tsx", (w) => `/join/${w.storeCode}/collect`),
  publicPage("app/(enroll)/join/[storeCode]/privacy/page.tsx", (w) => `/join/${w.storeCode}/privacy`),
  publicPage("app/(enroll)/join/[storeCode]/recover/page.tsx", (w) => `/join/${w.storeCode}/recover`),
  publicPage("app/(enroll)/unsubscribe/[token]/page.tsx", fixedPath(`/unsubscribe/${"x".repeat(43)}`)),

  dashboardPage("app/(dashboard)/dashboard/page.tsx", "/dashboard"),
  dashboardPage("app/(dashboard)/dashboard/setup/page.tsx"),
  dashboardPage("app/(dashboard)/dashboard/program/page.tsx"),
  dashboardPage("app/(dashboard)/dashboard/stores/page.tsx"),
  dashboardPage("app/(dashboard)/dashboard/stores/[storeId]/page.tsx", "", {
    scoped: true,
    pathOf: (w) => `/dashboard/stores/${w.storeId}`,
  }),
  dashboardPage("app/(dashboard)/dashboard/staff/page.tsx"),
  dashboardPage("app/(dashboard)/dashboard/staff/[staffId]/page.tsx", "", { scoped: true, pathOf: (w) => `/dashboard/staff/${w.staffId}` }),
  dashboardPage("app/(dashboard)/dashboard/customers/page.tsx"),
  dashboardPage("app/(dashboard)/dashboard/customers/[cardNumber]/page.tsx", "", {
    scoped: true,
    pathOf: (w) => `/dashboard/customers/${w.card.cardNumber}`,
  }),
  dashboardPage("app/(dashboard)/dashboard/exports/page.tsx"),
  dashboardPage("app/(dashboard)/dashboard/campaigns/page.tsx"),
  dashboardPage("app/(dashboard)/dashboard/api-keys/page.tsx", undefined, { ownerOnly: true }),
  dashboardPage("app/(dashboard)/dashboard/settings/page.tsx", undefined, { ownerOnly: true }),
  dashboardPage("app/(dashboard)/dashboard/settings/audit/page.tsx", undefined, { ownerOnly: true }),

  adminPage("app/(admin)/admin/page.tsx", fixedPath("/admin")),
  adminPage("app/(admin)/admin/merchants/page.tsx"),
  adminPage("app/(admin)/admin/merchants/[merchantId]/page.tsx", (w) => `/admin/merchants/${w.merchantId}`),
  adminPage("app/(admin)/admin/outbox/page.tsx"),
  adminPage("app/(admin)/admin/jobs/page.tsx"),
  adminPage("app/(admin)/admin/audit/page.tsx"),
];

// ─── Route handlers ───────────────────────────────────────────────────────

function route(
  method: string,
  file: string,
  path: (w: World, p: Principal) => string,
  expect: Expectations,
  body?: HttpRow["body"],
): HttpRow {
  return { key: `${method} ${file}`, method, path, expect, body };
}

/** A dashboard file download or data route: merchant users' session only (no API key). */
function dashboardRoute(file: string, path: (w: World) => string, o: { scoped?: boolean } = {}): HttpRow {
  return route("GET", file, path, { ...SIGNED_OUT, manager: 200, owner: 200, otherOwner: o.scoped ? 404 : 200, admin: TO_ADMIN });
}

const V = "app/api/v1/vendor/loyalty";

/**
 * A vendor API route: an API key or a merchant user's session (the cookie
 * jar of the dashboard). `cell` is what merchant A's principals get,
 * `other` what merchant B's owner gets (404 when it names A's things).
 */
function vendorRoute(
  method: string,
  file: string,
  path: (w: World, p: Principal) => string,
  cell: Cell,
  other: Cell = cell,
  body?: HttpRow["body"],
): HttpRow {
  return route(
    method,
    `${V}/${file}/route.ts`,
    path,
    { anonymous: 401, customer: 401, device: 401, admin: 401, manager: cell, owner: cell, apiKey: cell, otherOwner: other },
    body,
  );
}

/** A balance-changing or card route body: invalid for merchant A's principals (422), merchant A's card and store for merchant B's owner. */
const crossCard =
  (extra: (w: World) => Record<string, unknown> = () => ({})) =>
  (w: World, p: Principal) =>
    p === "otherOwner" ? { cardNumber: w.card.cardNumber, storeId: w.storeId, ...extra(w) } : { cardNumber: "not a card" };

const adminApi = (file: string, path: (w: World) => string): HttpRow =>
  route("GET", `app/api/v1/admin/loyalty/${file}/route.ts`, path, {
    anonymous: 401,
    customer: 401,
    device: 401,
    apiKey: 401,
    manager: 403,
    owner: 403,
    otherOwner: 403,
    admin: 200,
  });

const APPLE = "app/api/v1/loyalty/apple/v1";
const appleDevice = (w: World) => `/api/v1/loyalty/apple/v1/devices/${"d".repeat(32)}/registrations/${w.passTypeIdentifier}`;

export const ROUTE_ROWS: HttpRow[] = [
  route("GET", "app/api/health/route.ts", fixedPath("/api/health"), all(200)),
  route("GET", "app/api/ping/route.ts", fixedPath("/api/ping"), all(200)),
  route("POST", "app/api/ping/route.ts", fixedPath("/api/ping"), all(200)),
  route("GET", "app/api/v1/openapi.json/route.ts", fixedPath("/api/v1/openapi.json"), all(200)),
  route("GET", "app/api/auth/[...nextauth]/route.ts", fixedPath("/api/auth/providers"), all(200)),
  // Without next-auth's CSRF token nothing is signed in or out.
  route("POST", "app/api/auth/[...nextauth]/route.ts", fixedPath("/api/auth/signout"), all("redirect:/api/auth/signout")),
  // Any other address under /api/: a 404 problem for every method, whoever asks.
  ...["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].map((method) =>
    route(method, "app/api/[...path]/route.ts", fixedPath("/api/v1/no-such-endpoint"), all(404)),
  ),

  dashboardRoute("app/(dashboard)/dashboard/activity/[split]/route.ts", fixedPath("/dashboard/activity/store")),
  dashboardRoute("app/(dashboard)/dashboard/exports/customers.csv/route.ts", fixedPath("/dashboard/exports/customers.csv")),
  dashboardRoute(
    "app/(dashboard)/dashboard/exports/transactions.csv/route.ts",
    fixedPath("/dashboard/exports/transactions.csv?from=2026-01-01&to=2026-01-31"),
  ),
  dashboardRoute("app/(dashboard)/dashboard/stores/[storeId]/poster.pdf/route.ts", (w) => `/dashboard/stores/${w.storeId}/poster.pdf`, {
    scoped: true,
  }),
  dashboardRoute("app/(dashboard)/dashboard/stores/[storeId]/poster.png/route.ts", (w) => `/dashboard/stores/${w.storeId}/poster.png`, {
    scoped: true,
  }),

  // The customer's card data: the page token is the bearer secret.
  route("GET", "app/(enroll)/card/[token]/data.json/route.ts", (w) => `/card/${w.card.pageToken}/data.json`, all(200)),
  route(
    "GET",
    "app/(enroll)/card/[token]/manifest.webmanifest/route.ts",
    (w) => `/card/${w.card.pageToken}/manifest.webmanifest`,
    all(200),
  ),

  // Public API: no credentials; the path's secret or code decides.
  route("GET", "app/api/v1/loyalty/programs/[storeCode]/route.ts", (w) => `/api/v1/loyalty/programs/${w.storeCode}`, all(200)),
  route("POST", "app/api/v1/loyalty/enroll/route.ts", fixedPath("/api/v1/loyalty/enroll"), all(422), () => ({})),
  route("GET", "app/api/v1/loyalty/logos/[programId]/route.ts", (w) => `/api/v1/loyalty/logos/${w.programId}`, all(404)),
  route(
    "GET",
    "app/api/v1/loyalty/passes/apple/[file]/route.ts",
    (w) => `/api/v1/loyalty/passes/apple/${w.card.appleSerial}.pkpass`,
    all(404),
  ),
  route("GET", "app/api/v1/loyalty/passes/google/[token]/route.ts", (w) => `/api/v1/loyalty/passes/google/${w.card.pageToken}`, all(404)),
  route("POST", "app/api/v1/loyalty/unsubscribe/[token]/route.ts", fixedPath(`/api/v1/loyalty/unsubscribe/${"x".repeat(43)}`), all(404)),

  // Apple's web service: only the pass's own authentication token (ApplePass …) opens it; no principal here holds it.
  route("GET", `${APPLE}/devices/[deviceLibraryIdentifier]/registrations/[passTypeIdentifier]/route.ts`, appleDevice, all(204)),
  route(
    "POST",
    `${APPLE}/devices/[deviceLibraryIdentifier]/registrations/[passTypeIdentifier]/[serialNumber]/route.ts`,
    (w) => `${appleDevice(w)}/${w.card.appleSerial}`,
    all(401),
    () => ({ pushToken: "0".repeat(64) }),
  ),
  route(
    "DELETE",
    `${APPLE}/devices/[deviceLibraryIdentifier]/registrations/[passTypeIdentifier]/[serialNumber]/route.ts`,
    (w) => `${appleDevice(w)}/${w.card.appleSerial}`,
    all(401),
  ),
  route(
    "GET",
    `${APPLE}/passes/[passTypeIdentifier]/[serialNumber]/route.ts`,
    (w) => `/api/v1/loyalty/apple/v1/passes/${w.passTypeIdentifier}/${w.card.appleSerial}`,
    all(401),
  ),
  route("POST", `${APPLE}/log/route.ts`, fixedPath("/api/v1/loyalty/apple/v1/log"), all(200), () => ({ logs: ["system test"] })),

  adminApi("programs", fixedPath("/api/v1/admin/loyalty/programs")),
  adminApi("programs/[id]", (w) => `/api/v1/admin/loyalty/programs/${w.programId}`),
  adminApi("programs/[id]/stats", (w) => `/api/v1/admin/loyalty/programs/${w.programId}/stats`),
  adminApi("stats", fixedPath("/api/v1/admin/loyalty/stats")),

  vendorRoute("GET", "program", fixedPath("/api/v1/vendor/loyalty/program"), 200),
  // The merchant already has a program: creating another is a conflict; an invalid body is refused first.
  vendorRoute("POST", "program", fixedPath("/api/v1/vendor/loyalty/program"), 422, 422, () => ({ loyaltyType: "nonsense" })),
  vendorRoute("PATCH", "program", fixedPath("/api/v1/vendor/loyalty/program"), 422, 422, () => ({ cardName: "" })),
  vendorRoute("GET", "program/rewards", fixedPath("/api/v1/vendor/loyalty/program/rewards"), 200),
  vendorRoute("POST", "program/rewards", fixedPath("/api/v1/vendor/loyalty/program/rewards"), 422, 422, () => ({ name: "" })),
  vendorRoute(
    "PATCH",
    "program/rewards/[rewardId]",
    (w) => `/api/v1/vendor/loyalty/program/rewards/${w.rewardId}`,
    422,
    404,
    (_w, p) => (p === "otherOwner" ? { active: false } : { name: "" }),
  ),
  vendorRoute("GET", "stats", fixedPath("/api/v1/vendor/loyalty/stats"), 200),
  vendorRoute("GET", "stores", fixedPath("/api/v1/vendor/loyalty/stores"), 200),
  vendorRoute("POST", "stores", fixedPath("/api/v1/vendor/loyalty/stores"), 422, 422, () => ({ name: "" })),
  vendorRoute("GET", "cards", fixedPath("/api/v1/vendor/loyalty/cards"), 200),
  vendorRoute("POST", "cards/lookup", fixedPath("/api/v1/vendor/loyalty/cards/lookup"), 422, 404, (w, p) =>
    p === "otherOwner" ? { cardNumber: w.card.cardNumber } : {},
  ),
  vendorRoute("POST", "cards/enroll", fixedPath("/api/v1/vendor/loyalty/cards/enroll"), 422, 404, (w, p) =>
    p === "otherOwner" ? { storeId: w.storeId, customer: { name: "Mallory" } } : {},
  ),
  vendorRoute("GET", "cards/[cardNumber]/transactions", (w) => `/api/v1/vendor/loyalty/cards/${w.card.cardNumber}/transactions`, 200, 404),
  vendorRoute("POST", "stamp", fixedPath("/api/v1/vendor/loyalty/stamp"), 422, 404, crossCard()),
  vendorRoute("POST", "stamp/redeem", fixedPath("/api/v1/vendor/loyalty/stamp/redeem"), 422, 404, crossCard()),
  vendorRoute(
    "POST",
    "points",
    fixedPath("/api/v1/vendor/loyalty/points"),
    422,
    404,
    crossCard(() => ({ purchaseAmountCents: 1000 })),
  ),
  vendorRoute(
    "POST",
    "points/redeem",
    fixedPath("/api/v1/vendor/loyalty/points/redeem"),
    422,
    404,
    crossCard((w) => ({ rewardId: w.rewardId })),
  ),
  vendorRoute("GET", "pins", fixedPath("/api/v1/vendor/loyalty/pins"), 200),
  vendorRoute("POST", "pins", fixedPath("/api/v1/vendor/loyalty/pins"), 422, 422, () => ({ name: "" })),
  vendorRoute(
    "PATCH",
    "pins/[id]",
    (w) => `/api/v1/vendor/loyalty/pins/${w.staffId}`,
    422,
    404,
    (_w, p) => (p === "otherOwner" ? { name: "Mallory" } : { name: "" }),
  ),
  // Deactivating is not undone here: merchant A's principals name an unknown id; merchant B's owner names A's staff member.
  vendorRoute("DELETE", "pins/[id]", (w, p) => `/api/v1/vendor/loyalty/pins/${p === "otherOwner" ? w.staffId : randomUUID()}`, 404),
  vendorRoute("POST", "pins/[id]/unlock", (w) => `/api/v1/vendor/loyalty/pins/${w.staffId}/unlock`, 200, 404),
];

// ─── Server actions ───────────────────────────────────────────────────────

export function form(fields: Record<string, string | number | boolean> = {}): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, String(value));
  return data;
}

function actionRow(file: string, name: string, args: ActionRow["args"], expect: Expectations): ActionRow {
  return { key: `ACTION ${file}#${name}`, args, expect };
}

/**
 * A dashboard action (merchantAction): merchant users only. Merchant A's
 * users send an empty form, or `invalid` where an empty one is valid
 * (VALIDATION_FAILED: they got past the checks);
 * `cross` is a valid form naming merchant A's things, sent by merchant B's
 * owner, who must get NOT_FOUND. `ownerOnly`: a manager gets FORBIDDEN.
 */
function merchantActionRow(
  file: string,
  name: string,
  o: { ownerOnly?: boolean; cross?: (w: World) => Record<string, string | number | boolean>; invalid?: Record<string, string> } = {},
): ActionRow {
  return actionRow(file, name, (w, p) => [null, p === "otherOwner" && o.cross ? form(o.cross(w)) : form(o.invalid)], {
    ...SIGNED_OUT,
    manager: o.ownerOnly ? "FORBIDDEN" : "VALIDATION_FAILED",
    owner: "VALIDATION_FAILED",
    otherOwner: o.cross ? "NOT_FOUND" : "VALIDATION_FAILED",
    admin: TO_ADMIN,
  });
}

/** An admin console action: a platform admin only; merchant users get the 403 page. */
const adminActionRow = (file: string, name: string) =>
  actionRow(file, name, () => [null, form()], {
    ...SIGNED_OUT,
    manager: "http:403",
    owner: "http:403",
    otherOwner: "http:403",
    admin: "VALIDATION_FAILED",
  });

/** An action anyone may call (sign up, enroll…): the empty form is refused the same for all. */
const publicActionRow = (file: string, name: string) => actionRow(file, name, () => [null, form()], all("VALIDATION_FAILED"));

/** A counter tablet's action (JSON arguments): the paired tablet only. */
const counterActionRow = (name: string) =>
  actionRow("app/(counter)/counter/actions.ts", name, () => [{ nonsense: true }], {
    ...all("UNAUTHENTICATED"),
    device: "VALIDATION_FAILED",
  });

const D = "app/(dashboard)/dashboard";

export const ACTION_ROWS: ActionRow[] = [
  // Sets the language cookie of whoever calls it; changes nothing else.
  actionRow("app/locale-actions.ts", "setLocaleAction", () => [form({ locale: "fr" })], all("done")),

  publicActionRow("app/(auth)/signup/actions.ts", "signUpAction"),
  publicActionRow("app/(auth)/forgot-password/actions.ts", "requestPasswordResetAction"),
  publicActionRow("app/(auth)/reset-password/[token]/actions.ts", "resetPasswordAction"),
  publicActionRow("app/(auth)/invite/[token]/actions.ts", "acceptInvitationAction"),
  publicActionRow("app/(counter)/counter/pair/[token]/actions.ts", "pairDeviceAction"),
  publicActionRow("app/(enroll)/join/[storeCode]/actions.ts", "enrollAction"),
  publicActionRow("app/(enroll)/join/[storeCode]/recover/actions.ts", "requestRecoveryCodeAction"),
  publicActionRow("app/(enroll)/join/[storeCode]/recover/actions.ts", "verifyRecoveryCodeAction"),
  publicActionRow("app/(enroll)/unsubscribe/[token]/actions.ts", "unsubscribeAction"),
  publicActionRow("app/(enroll)/card/[token]/actions.ts", "setConsentAction"),
  publicActionRow("app/(enroll)/card/[token]/actions.ts", "eraseAction"),
  // Remembers a page token on the caller's phone (a cookie); the token already is the card's bearer secret.
  actionRow("app/(enroll)/card/[token]/actions.ts", "rememberCardAction", () => ["not-a-token"], all("done")),
  // A stamp from the customer's phone takes a staff PIN; a malformed call is refused before anything.
  actionRow("app/(enroll)/join/[storeCode]/collect/actions.ts", "collectStampAction", () => [{}], all("VALIDATION_FAILED")),

  counterActionRow("findCardAction"),
  counterActionRow("searchCardsAction"),
  counterActionRow("unlockAction"),
  actionRow("app/(counter)/counter/actions.ts", "lockAction", () => [{ nonsense: true }], {
    ...all("UNAUTHENTICATED"),
    device: "VALIDATION_FAILED",
  }),
  counterActionRow("counterOperationAction"),

  merchantActionRow(`${D}/campaigns/actions.ts`, "previewCampaignAction"),
  merchantActionRow(`${D}/campaigns/actions.ts`, "sendCampaignAction"),
  merchantActionRow(`${D}/setup/actions.ts`, "setUpProgramAction"),
  merchantActionRow(`${D}/setup/actions.ts`, "setUpStoreAction"),
  merchantActionRow(`${D}/setup/actions.ts`, "setUpStaffAction"),
  merchantActionRow(`${D}/program/actions.ts`, "createProgramAction"),
  merchantActionRow(`${D}/program/actions.ts`, "updateProgramAction", { invalid: { cardName: "" } }),
  merchantActionRow(`${D}/program/actions.ts`, "uploadLogoAction"),
  merchantActionRow(`${D}/program/actions.ts`, "removeLogoAction", { invalid: { nonsense: "x" } }),
  merchantActionRow(`${D}/program/actions.ts`, "createRewardAction"),
  merchantActionRow(`${D}/program/actions.ts`, "updateRewardAction", { cross: (w) => ({ rewardId: w.rewardId, name: "Mallory" }) }),
  merchantActionRow(`${D}/program/actions.ts`, "setRewardActiveAction", { cross: (w) => ({ rewardId: w.rewardId, active: false }) }),
  merchantActionRow(`${D}/stores/actions.ts`, "createStoreAction"),
  merchantActionRow(`${D}/stores/[storeId]/actions.ts`, "updateStoreAction", { cross: (w) => ({ storeId: w.storeId, name: "Mallory" }) }),
  merchantActionRow(`${D}/stores/[storeId]/actions.ts`, "archiveStoreAction", { cross: (w) => ({ storeId: w.storeId }) }),
  merchantActionRow(`${D}/stores/[storeId]/actions.ts`, "restoreStoreAction", { cross: (w) => ({ storeId: w.storeId }) }),
  merchantActionRow(`${D}/stores/[storeId]/actions.ts`, "createPairingLinkAction", { cross: (w) => ({ storeId: w.storeId }) }),
  merchantActionRow(`${D}/stores/[storeId]/actions.ts`, "revokeDeviceAction", {
    cross: (w) => ({ storeId: w.storeId, deviceId: w.deviceId }),
  }),
  merchantActionRow(`${D}/staff/actions.ts`, "createStaffAction"),
  merchantActionRow(`${D}/staff/actions.ts`, "editStaffAction", {
    cross: (w) => ({ staffId: w.staffId, name: "Mallory", storeIds: w.storeId }),
  }),
  merchantActionRow(`${D}/staff/actions.ts`, "changeStaffPinAction", { cross: (w) => ({ staffId: w.staffId, pin: "7391" }) }),
  merchantActionRow(`${D}/staff/actions.ts`, "unlockStaffAction", { cross: (w) => ({ staffId: w.staffId }) }),
  merchantActionRow(`${D}/staff/actions.ts`, "deactivateStaffAction", { cross: (w) => ({ staffId: w.staffId }) }),
  merchantActionRow(`${D}/customers/[cardNumber]/actions.ts`, "adjustBalanceAction", {
    cross: (w) => ({
      cardNumber: w.card.cardNumber,
      stampsDelta: 5,
      pointsDelta: 0,
      reason: "Mallory",
      idempotencyKey: `matrix-${randomUUID()}`,
    }),
  }),
  merchantActionRow(`${D}/api-keys/actions.ts`, "createApiKeyAction", { ownerOnly: true }),
  merchantActionRow(`${D}/api-keys/actions.ts`, "renameApiKeyAction", { ownerOnly: true }),
  merchantActionRow(`${D}/api-keys/actions.ts`, "revokeApiKeyAction", { ownerOnly: true }),
  merchantActionRow(`${D}/settings/actions.ts`, "updateMerchantSettingsAction", { ownerOnly: true }),
  merchantActionRow(`${D}/settings/actions.ts`, "inviteManagerAction", { ownerOnly: true }),
  merchantActionRow(`${D}/settings/actions.ts`, "resendInvitationAction", {
    ownerOnly: true,
    cross: (w) => ({ invitationId: w.invitationId }),
  }),
  merchantActionRow(`${D}/settings/actions.ts`, "cancelInvitationAction", {
    ownerOnly: true,
    cross: (w) => ({ invitationId: w.invitationId }),
  }),
  merchantActionRow(`${D}/settings/actions.ts`, "removeManagerAction", { ownerOnly: true, cross: (w) => ({ userId: w.managerId }) }),

  adminActionRow("app/(admin)/admin/merchants/[merchantId]/actions.ts", "suspendMerchantAction"),
  adminActionRow("app/(admin)/admin/merchants/[merchantId]/actions.ts", "reactivateMerchantAction"),
  adminActionRow("app/(admin)/admin/outbox/actions.ts", "retryOutboxEventAction"),
  adminActionRow("app/(admin)/admin/outbox/actions.ts", "discardOutboxEventAction"),
];

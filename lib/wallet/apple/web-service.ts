import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { systemClock, type Clock } from "@/lib/clock";
import { db, getDatabase } from "@/lib/db";
import { CLOSE_AFTER_REFUSAL, readBoundedJson } from "@/lib/http/read-body";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { appleCertificates } from "./apple-certificates";
import { cachedApplePass, getApplePass } from "./get-apple-pass";
import { loadPassContent, loadPassStamp, type PassStamp } from "./load-pass-content";

/*
 * Apple's "Wallet Passes web service" (developer.apple.com/documentation/walletpasses),
 * under <public origin>/api/v1/loyalty/apple/v1/…, one function per
 * endpoint; the route files only pass the request and path parameters in.
 * Statuses and bodies are Apple's (plain, not problem+json): devices read them.
 */

const PKPASS = "application/vnd.apple.pkpass";
const pushTokenBody = z.object({ pushToken: z.string().min(1).max(512) });
const logBody = z.object({ logs: z.array(z.string().max(4_000)).max(100) });
const identifier = z.string().min(1).max(256);

function empty(status: number, headers?: HeadersInit): Response {
  return new Response(null, { status, headers });
}

/** Compares the request's `Authorization: ApplePass <token>` with the pass's token in constant time. */
export function authorized(request: Request, expectedToken: string): boolean {
  const header = request.headers.get("authorization") ?? "";
  const match = /^ApplePass (.+)$/.exec(header.trim());
  if (!match) return false;
  // Digests have equal lengths, so timingSafeEqual never throws and the comparison leaks no length either.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1]!), digest(expectedToken));
}

function passTypeMatches(passTypeIdentifier: string): boolean {
  return appleCertificates()?.passTypeId === passTypeIdentifier;
}

type PassAuth = { ok: true; card: { id: string } } | { ok: false; response: Response };

async function authenticatePass(request: Request, passTypeIdentifier: string, serialNumber: string): Promise<PassAuth> {
  if (!passTypeMatches(passTypeIdentifier) || !identifier.safeParse(serialNumber).success) return { ok: false, response: empty(401) };
  const card = await db.card.findUnique({ where: { appleSerial: serialNumber }, select: { id: true, appleAuthToken: true } });
  if (!card || !authorized(request, card.appleAuthToken)) return { ok: false, response: empty(401) };
  return { ok: true, card };
}

/** POST …/devices/{device}/registrations/{passType}/{serial}: 201 when new, 200 when the device had it already. */
export async function registerDevice(
  request: Request,
  params: { deviceLibraryIdentifier: string; passTypeIdentifier: string; serialNumber: string },
): Promise<Response> {
  const auth = await authenticatePass(request, params.passTypeIdentifier, params.serialNumber);
  if (!auth.ok) return auth.response;
  if (!identifier.safeParse(params.deviceLibraryIdentifier).success) return empty(400);
  const read = await readBoundedJson(request);
  if (read.tooLarge) return empty(413, CLOSE_AFTER_REFUSAL);
  const body = pushTokenBody.safeParse(read.value);
  if (!body.success) return empty(400);
  const key = {
    deviceLibraryIdentifier: params.deviceLibraryIdentifier,
    passTypeIdentifier: params.passTypeIdentifier,
    serialNumber: params.serialNumber,
  };
  const existing = await db.appleDeviceRegistration.findUnique({
    where: { deviceLibraryIdentifier_passTypeIdentifier_serialNumber: key },
    select: { id: true },
  });
  if (existing) {
    await db.appleDeviceRegistration.update({ where: { id: existing.id }, data: { pushToken: body.data.pushToken } });
    return empty(200);
  }
  // Two registrations racing: the unique key keeps one row and the loser answers 200 like a repeat.
  const created = await db.appleDeviceRegistration.createMany({
    data: [{ id: newId(), ...key, pushToken: body.data.pushToken, cardId: auth.card.id }],
    skipDuplicates: true,
  });
  return empty(created.count === 1 ? 201 : 200);
}

/** DELETE …/devices/{device}/registrations/{passType}/{serial}: 200 (also when it was not registered). */
export async function unregisterDevice(
  request: Request,
  params: { deviceLibraryIdentifier: string; passTypeIdentifier: string; serialNumber: string },
): Promise<Response> {
  const auth = await authenticatePass(request, params.passTypeIdentifier, params.serialNumber);
  if (!auth.ok) return auth.response;
  await db.appleDeviceRegistration.deleteMany({
    where: {
      deviceLibraryIdentifier: params.deviceLibraryIdentifier,
      passTypeIdentifier: params.passTypeIdentifier,
      serialNumber: params.serialNumber,
      cardId: auth.card.id,
    },
  });
  return empty(200);
}

/**
 * GET …/devices/{device}/registrations/{passType}?passesUpdatedSince=tag:
 * the serial numbers of this device's passes changed after the tag, and the
 * new tag (200), or 204 when none. The tag is the newest modification time in
 * milliseconds; Apple sends no authentication for this call.
 */
export async function listUpdatedPasses(
  request: Request,
  params: { deviceLibraryIdentifier: string; passTypeIdentifier: string },
): Promise<Response> {
  if (!passTypeMatches(params.passTypeIdentifier)) return empty(204);
  const since = new URL(request.url).searchParams.get("passesUpdatedSince");
  const sinceMs = since && /^\d{1,15}$/.test(since) ? Number(since) : null;
  const { rows } = await getDatabase().query<{ serial: string; modified: Date }>(
    `SELECT c.apple_serial AS serial, GREATEST(c.updated_at, p.updated_at, m.updated_at) AS modified
     FROM apple_device_registrations r
     JOIN cards c ON c.id = r.card_id
     JOIN programs p ON p.id = c.program_id
     JOIN merchants m ON m.id = c.merchant_id
     WHERE r.device_library_identifier = $1 AND r.pass_type_identifier = $2`,
    [params.deviceLibraryIdentifier, params.passTypeIdentifier],
  );
  const updated = rows.filter((row) => sinceMs === null || row.modified.getTime() > sinceMs);
  if (updated.length === 0) return empty(204);
  const lastUpdated = Math.max(...rows.map((row) => row.modified.getTime()));
  return Response.json({ serialNumbers: updated.map((row) => row.serial), lastUpdated: String(lastUpdated) });
}

/** Last-Modified has whole seconds: a pass counts as unchanged when its second is not after If-Modified-Since. */
function notModifiedSince(request: Request, modifiedAt: Date): boolean {
  const header = request.headers.get("if-modified-since");
  if (!header) return false;
  const since = Date.parse(header);
  return Number.isFinite(since) && Math.floor(modifiedAt.getTime() / 1000) * 1000 <= since;
}

function passHeaders(loaded: Pick<PassStamp, "modifiedAt">, length?: number): Headers {
  const headers = new Headers({
    "last-modified": loaded.modifiedAt.toUTCString(),
    "cache-control": "private, no-cache",
  });
  if (length !== undefined) {
    headers.set("content-type", PKPASS);
    headers.set("content-length", String(length));
  }
  return headers;
}

const FETCH_RECORD_MS = 60_000;

/**
 * Records that a device (or the card's owner) downloaded this version, for the dashboard's delivery panel;
 * a repeat of the same version within a minute is not written again (devices retry; the panel shows minutes).
 */
async function recordFetch(loaded: Pick<PassStamp, "cardId" | "cardVersion"> & Partial<PassStamp>, clock: Clock): Promise<void> {
  if (
    loaded.lastFetchedVersion === loaded.cardVersion &&
    loaded.lastFetchedAt &&
    clock.now().getTime() - loaded.lastFetchedAt.getTime() < FETCH_RECORD_MS
  ) {
    return;
  }
  // Raw SQL: Prisma's @updatedAt would move the card's updated_at, making the pass look changed again.
  await db.$executeRaw`UPDATE cards SET apple_last_fetched_at = ${clock.now()}, apple_last_fetched_version = ${loaded.cardVersion} WHERE id = ${loaded.cardId}::uuid`;
}

/** GET …/passes/{passType}/{serial}: the latest pass (200), or 304 when unchanged since If-Modified-Since. */
export async function getLatestPass(
  request: Request,
  params: { passTypeIdentifier: string; serialNumber: string },
  clock: Clock = systemClock,
): Promise<Response> {
  if (!passTypeMatches(params.passTypeIdentifier) || !identifier.safeParse(params.serialNumber).success) return empty(401);
  const stamp = await loadPassStamp(params.serialNumber);
  if (!stamp || !authorized(request, stamp.authToken)) return empty(401);
  if (notModifiedSince(request, stamp.modifiedAt)) return empty(304, passHeaders(stamp));
  let pass = cachedApplePass(stamp.cacheKey);
  if (!pass) {
    const loaded = await loadPassContent(params.serialNumber);
    if (!loaded) return empty(401);
    pass = getApplePass(loaded, clock);
  }
  const bytes = await pass;
  await recordFetch(stamp, clock);
  return new Response(new Uint8Array(bytes), { status: 200, headers: passHeaders(stamp, bytes.length) });
}

/** The card owner's download from the web card page (the link is checked by the route): always the full pass. */
export async function downloadPass(serialNumber: string, clock: Clock = systemClock): Promise<Response | null> {
  const loaded = await loadPassContent(serialNumber);
  if (!loaded) return null;
  const pass = await getApplePass(loaded, clock);
  await recordFetch(loaded, clock);
  const headers = passHeaders(loaded, pass.length);
  headers.set("content-disposition", `attachment; filename="${serialNumber.replace(/[^A-Za-z0-9_-]/g, "")}.pkpass"`);
  headers.set("cache-control", "private, no-store");
  return new Response(new Uint8Array(pass), { status: 200, headers });
}

/** POST …/log: devices report problems with our web service; they go to our log. */
export async function logDeviceMessages(request: Request): Promise<Response> {
  const read = await readBoundedJson(request);
  if (read.tooLarge) return empty(413, CLOSE_AFTER_REFUSAL);
  const body = logBody.safeParse(read.value);
  if (!body.success) return empty(400);
  for (const message of body.data.logs) logger.warn("apple_wallet.device_log", { message });
  return empty(200);
}

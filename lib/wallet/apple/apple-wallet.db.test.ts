import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http2 from "node:http2";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addStamp } from "@/lib/cards/add-stamp";
import { OUTBOX_HANDLERS } from "@/lib/jobs/handlers";
import { OutboxWorker } from "@/lib/jobs/outbox-worker";
import { eraseCustomer } from "@/lib/privacy/erase-customer";
import { walletProviders } from "@/lib/wallet/wallet-service";
import { testAppleCertificates } from "@/test/apple-dev-certificates";
import { useTestDatabase } from "@/test/db";
import { createCard, createMerchantSetup, uniq } from "@/test/factories";
import { resetAppleCertificates } from "./apple-certificates";
import { ERASED_DEVICES_GRACE_MS } from "./apple-wallet-provider";
import { passesBuilt } from "./get-apple-pass";
import { registerAppleWallet } from "./register-apple-wallet";
import { getLatestPass, listUpdatedPasses, logDeviceMessages, registerDevice, unregisterDevice } from "./web-service";

const PASS_TYPE = "pass.test.loyalty";
const ORIGIN = "https://loyalty.test/api/v1/loyalty/apple/v1";

type Push = { path: string; topic: string | undefined; body: string };

/** A local APNs: HTTP/2 over TLS with a self-signed certificate; answers 410 Unregistered for tokens in `gone`. */
async function startFakeApns() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fake-apns-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      "key.pem",
      "-out",
      "cert.pem",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    {
      cwd: dir,
      stdio: "ignore",
    },
  );
  const pushes: Push[] = [];
  const gone = new Set<string>();
  const server = http2.createSecureServer({
    key: fs.readFileSync(path.join(dir, "key.pem")),
    cert: fs.readFileSync(path.join(dir, "cert.pem")),
  });
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on("session", (session) => sessions.add(session));
  server.on("stream", (stream, headers) => {
    let body = "";
    stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
    stream.on("end", () => {
      const requestPath = String(headers[":path"]);
      pushes.push({ path: requestPath, topic: headers["apns-topic"] as string | undefined, body });
      const token = requestPath.split("/").pop()!;
      if (gone.has(token)) {
        stream.respond({ ":status": 410, "content-type": "application/json" });
        stream.end(JSON.stringify({ reason: "Unregistered", timestamp: Date.now() }));
      } else {
        stream.respond({ ":status": 200, "apns-id": "00000000-0000-0000-0000-000000000000" });
        stream.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `https://127.0.0.1:${port}`,
    caPath: path.join(dir, "cert.pem"),
    pushes,
    gone,
    close: () =>
      new Promise<void>((resolve) => {
        for (const session of sessions) session.destroy(); // node-apn keeps its connection open
        server.close(() => resolve());
      }),
  };
}

describe("Apple Wallet", () => {
  const database = useTestDatabase();

  let apns: Awaited<ReturnType<typeof startFakeApns>>;

  beforeAll(async () => {
    apns = await startFakeApns();
    const certs = testAppleCertificates();
    Object.assign(process.env, {
      LOYALTY_APPLE_PASS_TYPE_ID: certs.passTypeId,
      LOYALTY_APPLE_TEAM_ID: certs.teamId,
      LOYALTY_APPLE_WWDR_CERT_PATH: certs.wwdrCert,
      LOYALTY_APPLE_SIGNER_CERT_PATH: certs.signerCert,
      LOYALTY_APPLE_SIGNER_KEY_PATH: certs.signerKey,
      LOYALTY_APNS_HOST: apns.url,
      LOYALTY_APNS_CA_PATH: apns.caPath,
    });
    // The configuration is read once per process: read it again with Apple Wallet on.
    (globalThis as { __loyaltyConfig?: unknown }).__loyaltyConfig = undefined;
    resetAppleCertificates();
    expect(registerAppleWallet()).toBe(true);
  });

  afterAll(async () => {
    await apns?.close();
  });

  async function enrolledCard() {
    const setup = await createMerchantSetup(database().prisma, { program: { cooldownMinutes: 0, stampsTarget: 10, maxDailyStamps: 50 } });
    const card = await createCard(database().prisma, setup.merchant, setup.program, { name: "Léa" });
    return { setup, card };
  }

  function deviceRequest(method: string, url: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) {
    return new Request(url, {
      method,
      headers: {
        ...(token ? { authorization: `ApplePass ${token}` } : {}),
        ...(body ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  function registrationParams(device: string, serial: string) {
    return { deviceLibraryIdentifier: device, passTypeIdentifier: PASS_TYPE, serialNumber: serial };
  }

  async function runWorker() {
    const worker = new OutboxWorker({ handlers: OUTBOX_HANDLERS, backoff: { baseMs: 1, maxMs: 1 }, pollMs: 10 });
    await worker.drain();
  }

  describe("the PassKit web service, as a device calls it", () => {
    it("registers (201, then 200), lists updated serials (200 / 204, and the serial again after a stamp), serves the pass (200 / 304), logs, unregisters", async () => {
      const { setup, card } = await enrolledCard();
      const prisma = database().prisma;
      const device = uniq("device");
      const serial = card.appleSerial;
      const registerUrl = `${ORIGIN}/devices/${device}/registrations/${PASS_TYPE}/${serial}`;

      // Wrong or missing token: 401 and nothing stored.
      expect(
        (
          await registerDevice(
            deviceRequest("POST", registerUrl, "wrong-token-0123456789", { pushToken: "tok-1" }),
            registrationParams(device, serial),
          )
        ).status,
      ).toBe(401);
      expect(
        (await registerDevice(deviceRequest("POST", registerUrl, null, { pushToken: "tok-1" }), registrationParams(device, serial))).status,
      ).toBe(401);
      expect(await prisma.appleDeviceRegistration.count({ where: { cardId: card.id } })).toBe(0);
      // Another pass type id than ours: 401.
      expect(
        (
          await registerDevice(deviceRequest("POST", registerUrl, card.appleAuthToken, { pushToken: "tok-1" }), {
            ...registrationParams(device, serial),
            passTypeIdentifier: "pass.other",
          })
        ).status,
      ).toBe(401);

      expect(
        (
          await registerDevice(
            deviceRequest("POST", registerUrl, card.appleAuthToken, { pushToken: "tok-1" }),
            registrationParams(device, serial),
          )
        ).status,
      ).toBe(201);
      expect(
        (
          await registerDevice(
            deviceRequest("POST", registerUrl, card.appleAuthToken, { pushToken: "tok-2" }),
            registrationParams(device, serial),
          )
        ).status,
      ).toBe(200);
      expect(
        await prisma.appleDeviceRegistration.findMany({ where: { cardId: card.id }, select: { pushToken: true, serialNumber: true } }),
      ).toEqual([{ pushToken: "tok-2", serialNumber: serial }]);

      // The list: everything without a tag; 204 with the current tag; the serial again after a stamp.
      const listUrl = `${ORIGIN}/devices/${device}/registrations/${PASS_TYPE}`;
      const listParams = { deviceLibraryIdentifier: device, passTypeIdentifier: PASS_TYPE };
      const first = await listUpdatedPasses(deviceRequest("GET", listUrl, null), listParams);
      expect(first.status).toBe(200);
      const firstBody = (await first.json()) as { serialNumbers: string[]; lastUpdated: string };
      expect(firstBody.serialNumbers).toEqual([serial]);
      expect(
        (await listUpdatedPasses(deviceRequest("GET", `${listUrl}?passesUpdatedSince=${firstBody.lastUpdated}`, null), listParams)).status,
      ).toBe(204);
      expect(
        (
          await listUpdatedPasses(deviceRequest("GET", `${ORIGIN}/devices/unknown/registrations/${PASS_TYPE}`, null), {
            ...listParams,
            deviceLibraryIdentifier: "unknown",
          })
        ).status,
      ).toBe(204);

      await new Promise((resolve) => setTimeout(resolve, 5)); // the tag has millisecond precision
      await addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id });
      const afterStamp = await listUpdatedPasses(
        deviceRequest("GET", `${listUrl}?passesUpdatedSince=${firstBody.lastUpdated}`, null),
        listParams,
      );
      expect(afterStamp.status).toBe(200);
      const afterBody = (await afterStamp.json()) as { serialNumbers: string[]; lastUpdated: string };
      expect(afterBody.serialNumbers).toEqual([serial]);
      expect(Number(afterBody.lastUpdated)).toBeGreaterThan(Number(firstBody.lastUpdated));

      // The pass: 401 without the token, 200 with it (showing the stamp), 304 when unchanged since Last-Modified.
      const passUrl = `${ORIGIN}/passes/${PASS_TYPE}/${serial}`;
      const passParams = { passTypeIdentifier: PASS_TYPE, serialNumber: serial };
      expect((await getLatestPass(deviceRequest("GET", passUrl, "x".repeat(32)), passParams)).status).toBe(401);
      expect((await getLatestPass(deviceRequest("GET", passUrl, null), passParams)).status).toBe(401);
      const pass = await getLatestPass(deviceRequest("GET", passUrl, card.appleAuthToken), passParams);
      expect(pass.status).toBe(200);
      expect(pass.headers.get("content-type")).toBe("application/vnd.apple.pkpass");
      const lastModified = pass.headers.get("last-modified")!;
      expect(Date.parse(lastModified)).toBeGreaterThan(0);
      const bytes = Buffer.from(await pass.arrayBuffer());
      expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04])); // a zip
      expect(bytes.toString("latin1")).toContain('"value":"1 / 10"');
      const fetched = await prisma.card.findUniqueOrThrow({ where: { id: card.id } });
      expect(fetched.appleLastFetchedAt).not.toBeNull();
      expect(fetched.appleLastFetchedVersion).toBe(fetched.version);

      const builtBefore = passesBuilt();
      const notModified = await getLatestPass(
        deviceRequest("GET", passUrl, card.appleAuthToken, undefined, { "if-modified-since": lastModified }),
        passParams,
      );
      expect(notModified.status).toBe(304);
      // An unchanged pass fetched without If-Modified-Since comes from the cache: nothing is signed again.
      expect((await getLatestPass(deviceRequest("GET", passUrl, card.appleAuthToken), passParams)).status).toBe(200);
      expect(passesBuilt()).toBe(builtBefore);
      // Recording the fetch did not make the pass look changed.
      expect(
        (await listUpdatedPasses(deviceRequest("GET", `${listUrl}?passesUpdatedSince=${afterBody.lastUpdated}`, null), listParams)).status,
      ).toBe(204);

      expect(
        (await logDeviceMessages(deviceRequest("POST", `${ORIGIN}/log`, null, { logs: ["Web service error for pass.test.loyalty"] })))
          .status,
      ).toBe(200);
      expect((await logDeviceMessages(deviceRequest("POST", `${ORIGIN}/log`, null, { nope: true }))).status).toBe(400);

      expect(
        (await unregisterDevice(deviceRequest("DELETE", registerUrl, "wrong-token-0123456789"), registrationParams(device, serial))).status,
      ).toBe(401);
      expect(await prisma.appleDeviceRegistration.count({ where: { cardId: card.id } })).toBe(1);
      expect(
        (await unregisterDevice(deviceRequest("DELETE", registerUrl, card.appleAuthToken), registrationParams(device, serial))).status,
      ).toBe(200);
      expect(await prisma.appleDeviceRegistration.count({ where: { cardId: card.id } })).toBe(0);
    });
  });

  describe("push updates through a local APNs", () => {
    it("a stamp on a card with two devices pushes exactly twice with the pass type topic; an Unregistered answer removes that registration", async () => {
      expect(walletProviders().map((provider) => provider.name)).toContain("apple");
      const { setup, card } = await enrolledCard();
      const prisma = database().prisma;
      const tokens = [uniq("tokA"), uniq("tokB")];
      for (const [i, pushToken] of tokens.entries()) {
        const device = uniq(`device${i}`);
        const response = await registerDevice(
          deviceRequest("POST", `${ORIGIN}/devices/${device}/registrations/${PASS_TYPE}/${card.appleSerial}`, card.appleAuthToken, {
            pushToken,
          }),
          registrationParams(device, card.appleSerial),
        );
        expect(response.status).toBe(201);
      }
      await runWorker(); // deliver whatever earlier tests left
      apns.pushes.length = 0;

      await addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id });
      await runWorker();
      expect(apns.pushes.map((push) => push.path).sort()).toEqual(tokens.map((token) => `/3/device/${token}`).sort());
      expect(apns.pushes.every((push) => push.topic === PASS_TYPE)).toBe(true);
      expect(apns.pushes.every((push) => push.body === "" || push.body === "{}")).toBe(true);
      const registrations = await prisma.appleDeviceRegistration.findMany({ where: { cardId: card.id } });
      expect(registrations.map((registration) => registration.lastPushResult)).toEqual(["ok", "ok"]);
      const afterPush = await prisma.card.findUniqueOrThrow({ where: { id: card.id } });
      expect(afterPush.applePassVersion).toBe(afterPush.version);

      apns.pushes.length = 0;
      apns.gone.add(tokens[0]!);
      await addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id });
      await runWorker();
      expect(apns.pushes).toHaveLength(2);
      expect(
        (await prisma.appleDeviceRegistration.findMany({ where: { cardId: card.id } })).map((registration) => registration.pushToken),
      ).toEqual([tokens[1]]);
    });

    it("a program change pushes every pass of the program", async () => {
      const { setup, card } = await enrolledCard();
      const other = await createCard(database().prisma, setup.merchant, setup.program);
      for (const held of [card, other]) {
        const device = uniq("device");
        await registerDevice(
          deviceRequest("POST", `${ORIGIN}/devices/${device}/registrations/${PASS_TYPE}/${held.appleSerial}`, held.appleAuthToken, {
            pushToken: `tok-${held.id}`,
          }),
          registrationParams(device, held.appleSerial),
        );
      }
      await runWorker();
      apns.pushes.length = 0;
      await database().prisma.outboxEvent.create({
        data: {
          merchantId: setup.merchant.id,
          type: "wallet.program_changed",
          payload: { programId: setup.program.id },
          coalesceKey: `program:${setup.program.id}`,
        },
      });
      await runWorker();
      expect(apns.pushes.map((push) => push.path).sort()).toEqual([`/3/device/tok-${card.id}`, `/3/device/tok-${other.id}`].sort());
    });

    it("erasing the customer voids the pass and pushes it; the registrations are dropped after the grace period", async () => {
      const { card } = await enrolledCard();
      const prisma = database().prisma;
      const device = uniq("device");
      await registerDevice(
        deviceRequest("POST", `${ORIGIN}/devices/${device}/registrations/${PASS_TYPE}/${card.appleSerial}`, card.appleAuthToken, {
          pushToken: "tok-erased",
        }),
        registrationParams(device, card.appleSerial),
      );
      await runWorker();
      apns.pushes.length = 0;
      const { pageToken } = await prisma.card.findUniqueOrThrow({ where: { id: card.id }, select: { pageToken: true } });
      await eraseCustomer(pageToken, { now: () => new Date() });
      await runWorker();
      expect(apns.pushes.map((push) => push.path)).toEqual(["/3/device/tok-erased"]);

      // The device asks what changed and fetches the voided pass, which shows no name.
      const listed = await listUpdatedPasses(deviceRequest("GET", `${ORIGIN}/devices/${device}/registrations/${PASS_TYPE}`, null), {
        deviceLibraryIdentifier: device,
        passTypeIdentifier: PASS_TYPE,
      });
      expect(((await listed.json()) as { serialNumbers: string[] }).serialNumbers).toEqual([card.appleSerial]);
      const pass = await getLatestPass(deviceRequest("GET", `${ORIGIN}/passes/${PASS_TYPE}/${card.appleSerial}`, card.appleAuthToken), {
        passTypeIdentifier: PASS_TYPE,
        serialNumber: card.appleSerial,
      });
      const text = Buffer.from(await pass.arrayBuffer()).toString("utf8");
      expect(text).toContain('"voided":true');
      expect(text).not.toContain("Léa");

      // The drop is scheduled after the grace period; run it now.
      const drop = await prisma.outboxEvent.findFirstOrThrow({
        where: { type: "wallet.apple_drop_erased_devices", payload: { equals: { cardId: card.id } } },
      });
      expect(drop.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + ERASED_DEVICES_GRACE_MS - 60_000);
      await prisma.outboxEvent.update({ where: { id: drop.id }, data: { nextAttemptAt: new Date() } });
      await runWorker();
      expect(await prisma.appleDeviceRegistration.count({ where: { cardId: card.id } })).toBe(0);
    });
  });
});

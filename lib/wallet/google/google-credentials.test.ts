import { generateKeyPairSync, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeJwt, testServiceAccount } from "@/e2e/fakes/fake-google-wallet";
import { readGoogleCredentials } from "./google-credentials";
import { saveUrl, signSaveJwt } from "./save-jwt";

const account = testServiceAccount();
const read = (issuerId: string | undefined, serviceAccountJson: string | undefined) =>
  readGoogleCredentials({ issuerId, serviceAccountJson, apiRoot: undefined });

describe("readGoogleCredentials", () => {
  it("is off when neither variable is set, ready with a numeric issuer and a service account key", () => {
    expect(read(undefined, undefined)).toEqual({ state: "off" });
    const ready = read("3388000000022334455", account.text);
    expect(ready.state).toBe("ready");
    if (ready.state === "ready") {
      expect(ready.credentials).toMatchObject({
        issuerId: "3388000000022334455",
        serviceAccountEmail: account.json.client_email,
        privateKeyId: "test-key-1",
      });
    }
  });

  it("names each bad variable: one without the other, a wrong issuer id, a key that is not JSON or not usable", () => {
    const problems = (state: ReturnType<typeof read>) => (state.state === "invalid" ? state.problems : []);
    expect(problems(read("3388000000022334455", undefined))).toEqual([
      { variable: "LOYALTY_GOOGLE_SERVICE_ACCOUNT_JSON", message: expect.stringContaining("missing") },
    ]);
    expect(problems(read(undefined, account.text))).toEqual([
      { variable: "LOYALTY_GOOGLE_ISSUER_ID", message: expect.stringContaining("missing") },
    ]);
    expect(problems(read("my-issuer", account.text))[0]).toMatchObject({ variable: "LOYALTY_GOOGLE_ISSUER_ID" });
    expect(problems(read("3388000000022334455", "{not json"))[0]!.message).toContain("not valid JSON");
    expect(problems(read("3388000000022334455", "/nowhere/key.json"))[0]!.message).toContain("readable file");
    const noKey = JSON.stringify({ ...account.json, private_key: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n" });
    expect(problems(read("3388000000022334455", noKey))[0]!.message).toContain("not a readable PEM private key");
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(problems(read("3388000000022334455", JSON.stringify({ ...account.json, private_key: ec })))[0]!.message).toContain("RSA");
    expect(problems(read("3388000000022334455", JSON.stringify({ ...account.json, client_email: undefined })))[0]!.message).toContain(
      "client_email",
    );
  });
});

describe("signSaveJwt", () => {
  it("signs RS256 with the service account key and carries the save-to-wallet claims with the object", () => {
    const state = read("3388000000022334455", account.text);
    if (state.state !== "ready") throw new Error("not ready");
    const object = { id: "3388000000022334455.card-abc", classId: "3388000000022334455.program-xyz" };
    const jwt = signSaveJwt(state.credentials, { origin: "https://loyalty.example", object, now: new Date("2026-11-21T10:00:00Z") });
    const url = saveUrl(jwt);
    expect(url).toBe(`https://pay.google.com/gp/v/save/${jwt}`);
    const [head, claims, signature] = jwt.split(".");
    expect(verify("RSA-SHA256", Buffer.from(`${head}.${claims}`), account.publicKey, Buffer.from(signature!, "base64url"))).toBe(true);
    // Another key does not verify it.
    const other = testServiceAccount();
    expect(verify("RSA-SHA256", Buffer.from(`${head}.${claims}`), other.publicKey, Buffer.from(signature!, "base64url"))).toBe(false);
    expect(decodeJwt(jwt)).toEqual({
      header: { alg: "RS256", typ: "JWT", kid: "test-key-1" },
      claims: {
        iss: account.json.client_email,
        aud: "google",
        typ: "savetowallet",
        iat: Date.parse("2026-11-21T10:00:00Z") / 1000,
        origins: ["https://loyalty.example"],
        payload: { loyaltyObjects: [object] },
      },
    });
  });
});

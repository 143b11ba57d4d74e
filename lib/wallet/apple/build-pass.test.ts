import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testAppleCertificates } from "@/test/apple-dev-certificates";
import { checkAppleCertificates } from "./apple-certificates";
import { buildPass, type PassContent } from "./build-pass";

function certificates() {
  const paths = testAppleCertificates();
  return {
    paths,
    certs: checkAppleCertificates({
      passTypeId: paths.passTypeId,
      teamId: paths.teamId,
      wwdrCertPath: paths.wwdrCert,
      signerCertPath: paths.signerCert,
      signerKeyPath: paths.signerKey,
      signerKeyPassphrase: undefined,
      apnsHost: undefined,
      apnsCaPath: undefined,
    }),
  };
}

const content = (overrides: Partial<PassContent> = {}): PassContent => ({
  serialNumber: "0197a2b8-serial",
  authenticationToken: "a".repeat(32),
  webServiceURL: "https://loyalty.test/api/v1/loyalty/apple",
  organizationName: "Café Test",
  description: "Café Test card",
  branding: {
    programKey: `program-${Math.random()}`,
    cardName: "Café Test card",
    backgroundColor: "#3b2314",
    foregroundColor: "#ffffff",
    labelColor: "#f5d9b8",
    logo: null,
  },
  stamps: { count: 7, target: 10 },
  points: null,
  rewardReady: false,
  rewardDescription: "A free coffee",
  customerName: "Léa",
  cardNumber: "1234567890",
  barcode: { message: "qr-payload-123", format: "qr" },
  webCardUrl: "https://loyalty.test/card/token",
  privacyUrl: "https://loyalty.test/card/token#privacy",
  voided: false,
  ...overrides,
});

function unzip(pkpass: Buffer): { dir: string; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pkpass-"));
  fs.writeFileSync(path.join(dir, "pass.pkpass"), pkpass);
  // unzip is an independent reader of the archive we wrote.
  execFileSync("unzip", ["-q", "pass.pkpass", "-d", "out"], { cwd: dir });
  const out = path.join(dir, "out");
  const files = fs
    .readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)));
  return { dir: out, files };
}

describe("buildPass", () => {
  it("makes a pass whose manifest lists every file's SHA-1 and whose detached signature openssl verifies against the dev CA", async () => {
    const { paths, certs } = certificates();
    const { dir, files } = unzip(await buildPass(content(), certs, new Date()));

    expect(files).toEqual(
      expect.arrayContaining([
        "pass.json",
        "manifest.json",
        "signature",
        "icon.png",
        "icon@2x.png",
        "icon@3x.png",
        "logo.png",
        "logo@2x.png",
        "logo@3x.png",
        "strip.png",
        "strip@2x.png",
        "strip@3x.png",
        "en.lproj/pass.strings",
        "fr.lproj/pass.strings",
        "de.lproj/pass.strings",
      ]),
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as Record<string, string>;
    expect(Object.keys(manifest).sort()).toEqual(files.filter((file) => file !== "manifest.json" && file !== "signature").sort());
    for (const [file, sha1] of Object.entries(manifest)) {
      expect(
        createHash("sha1")
          .update(fs.readFileSync(path.join(dir, file)))
          .digest("hex"),
        file,
      ).toBe(sha1);
    }

    // Detached: the manifest is given as content; fails (throws) if the signature or the chain is wrong.
    const verified = execFileSync(
      "openssl",
      [
        "smime",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        "signature",
        "-content",
        "manifest.json",
        "-CAfile",
        paths.caCert,
        "-purpose",
        "any",
        "-out",
        "/dev/null",
      ],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(verified).toBeDefined();
    const signers = execFileSync("openssl", ["cms", "-cmsout", "-print", "-inform", "DER", "-in", "signature"], { cwd: dir }).toString();
    expect(signers).toContain("signingTime");
    expect(signers).toContain("messageDigest");
    expect(signers).toMatch(/eContent:\s*<ABSENT>/); // detached

    // Any change to the manifest breaks the signature.
    fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ ...manifest, "pass.json": "0".repeat(40) }));
    expect(() =>
      execFileSync(
        "openssl",
        [
          "cms",
          "-verify",
          "-binary",
          "-inform",
          "DER",
          "-in",
          "signature",
          "-content",
          "manifest.json",
          "-CAfile",
          paths.caCert,
          "-purpose",
          "any",
        ],
        { cwd: dir, stdio: "pipe" },
      ),
    ).toThrow();

    const pass = JSON.parse(fs.readFileSync(path.join(dir, "pass.json"), "utf8"));
    expect(pass).toMatchObject({
      formatVersion: 1,
      passTypeIdentifier: "pass.test.loyalty",
      teamIdentifier: "TESTTEAM42",
      serialNumber: "0197a2b8-serial",
      organizationName: "Café Test",
      description: "Café Test card",
      authenticationToken: "a".repeat(32),
      webServiceURL: "https://loyalty.test/api/v1/loyalty/apple",
      backgroundColor: "rgb(59, 35, 20)",
      barcodes: [{ format: "PKBarcodeFormatQR", message: "qr-payload-123", messageEncoding: "iso-8859-1", altText: "1234567890" }],
    });
    expect(pass.storeCard.headerFields).toEqual([
      { key: "stamps", label: "stamps.label", value: "7 / 10", changeMessage: "stamps.changed" },
    ]);
    expect(pass.storeCard.secondaryFields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: "reward", changeMessage: "reward.changed" }),
        expect.objectContaining({ key: "member", value: "Léa" }),
      ]),
    );
    expect(pass.storeCard.backFields.map((field: { value: string }) => field.value)).toEqual(
      expect.arrayContaining(["https://loyalty.test/card/token", "https://loyalty.test/card/token#privacy"]),
    );
    expect(fs.readFileSync(path.join(dir, "fr.lproj/pass.strings"), "utf8")).toContain('"stamps.changed" = "Tampons : %@";');
    // Images at Apple's sizes: PNG width at bytes 16..20.
    expect(fs.readFileSync(path.join(dir, "strip@3x.png")).readUInt32BE(16)).toBe(1125);
    expect(fs.readFileSync(path.join(dir, "icon@2x.png")).readUInt32BE(16)).toBe(58);
  });

  it("uses Code 128 when the program asks, shows points, and a voided pass carries no barcode or name", async () => {
    const { certs } = certificates();
    const code128 = unzip(
      await buildPass(content({ barcode: { message: "abc", format: "code128" }, stamps: null, points: 42 }), certs, new Date()),
    );
    const pass = JSON.parse(fs.readFileSync(path.join(code128.dir, "pass.json"), "utf8"));
    expect(pass.barcodes[0].format).toBe("PKBarcodeFormatCode128");
    expect(pass.storeCard.headerFields).toEqual([{ key: "points", label: "points.label", value: 42, changeMessage: "points.changed" }]);
    expect(code128.files).not.toContain("strip.png");

    const voided = unzip(await buildPass(content({ voided: true, customerName: null }), certs, new Date()));
    const voidedPass = JSON.parse(fs.readFileSync(path.join(voided.dir, "pass.json"), "utf8"));
    expect(voidedPass.voided).toBe(true);
    expect(voidedPass.barcodes).toBeUndefined();
    expect(JSON.stringify(voidedPass)).not.toContain("Léa");
  });
});

describe("checkAppleCertificates", () => {
  it("names each problem: wrong pass type id and team, a key of another certificate, a WWDR that did not issue it", () => {
    const { paths } = certificates();
    const other = fs.mkdtempSync(path.join(os.tmpdir(), "other-"));
    execFileSync("openssl", ["genrsa", "-out", path.join(other, "other.key"), "2048"], { stdio: "ignore" });
    const settings = {
      passTypeId: "pass.wrong.id",
      teamId: "OTHERTEAM",
      wwdrCertPath: paths.caCert,
      signerCertPath: paths.signerCert,
      signerKeyPath: path.join(other, "other.key"),
      signerKeyPassphrase: undefined,
      apnsHost: undefined,
      apnsCaPath: undefined,
    };
    let message = "";
    try {
      checkAppleCertificates(settings);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("LOYALTY_APPLE_SIGNER_KEY_PATH: the key does not belong to the pass certificate");
    expect(message).toContain("LOYALTY_APPLE_WWDR_CERT_PATH: the pass certificate was not issued by this WWDR certificate");
    expect(message).toContain("LOYALTY_APPLE_WWDR_CERT_PATH: expected Apple's WWDR G4 certificate");
    expect(message).toContain("LOYALTY_APPLE_PASS_TYPE_ID is pass.wrong.id, but the pass certificate is for pass.test.loyalty");
    expect(message).toContain("LOYALTY_APPLE_TEAM_ID is OTHERTEAM, but the pass certificate belongs to team TESTTEAM42");
    expect(() => checkAppleCertificates({ ...settings, signerCertPath: "/nonexistent.pem" })).toThrow(/cannot read \/nonexistent.pem/);
  });

  it("warns nothing for good certificates and reports their expiry; refuses an expired one", () => {
    const { paths, certs } = certificates();
    expect(certs.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const settings = {
      passTypeId: paths.passTypeId,
      teamId: paths.teamId,
      wwdrCertPath: paths.wwdrCert,
      signerCertPath: paths.signerCert,
      signerKeyPath: paths.signerKey,
      signerKeyPassphrase: undefined,
      apnsHost: undefined,
      apnsCaPath: undefined,
    };
    expect(() => checkAppleCertificates(settings, new Date(certs.expiresAt.getTime() + 1000))).toThrow(/expired/);
  });
});

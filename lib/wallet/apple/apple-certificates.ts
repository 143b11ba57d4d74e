import "server-only";
import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import fs from "node:fs";
import { getConfig } from "@/lib/config";

export type AppleSettings = {
  passTypeId: string;
  teamId: string;
  wwdrCertPath: string;
  signerCertPath: string;
  signerKeyPath: string;
  signerKeyPassphrase: string | undefined;
  apnsHost: string | undefined;
  apnsCaPath: string | undefined;
};

export type AppleCertificates = {
  passTypeId: string;
  teamId: string;
  signerCert: X509Certificate;
  wwdrCert: X509Certificate;
  signerKey: KeyObject;
  /** PEM texts, as passkit-generator and node-apn take them. */
  signerCertPem: string;
  wwdrPem: string;
  signerKeyPem: string;
  signerKeyPassphrase: string | undefined;
  expiresAt: Date;
};

/** A pass certificate problem that must stop the app at start (never a broken download later). */
export class AppleCertificateError extends Error {
  constructor(problems: string[]) {
    super(["Apple Wallet is misconfigured:", ...problems.map((p) => `  ${p}`), "See certs.example/README.md."].join("\n"));
    this.name = "AppleCertificateError";
  }
}

const REQUIRED = {
  LOYALTY_APPLE_PASS_TYPE_ID: "passTypeId",
  LOYALTY_APPLE_TEAM_ID: "teamId",
  LOYALTY_APPLE_WWDR_CERT_PATH: "wwdrCertPath",
  LOYALTY_APPLE_SIGNER_CERT_PATH: "signerCertPath",
  LOYALTY_APPLE_SIGNER_KEY_PATH: "signerKeyPath",
} as const;

/**
 * The Apple Wallet settings, or null when none is set (Apple Wallet off).
 * Some set and some missing is a configuration error.
 */
export function appleSettings(): AppleSettings | null {
  const { apple } = getConfig();
  const missing = Object.entries(REQUIRED).filter(([, key]) => !apple[key]);
  if (missing.length === Object.keys(REQUIRED).length) return null;
  if (missing.length > 0)
    throw new AppleCertificateError(missing.map(([variable]) => `${variable} is not set (the other LOYALTY_APPLE_* are)`));
  return {
    passTypeId: apple.passTypeId!,
    teamId: apple.teamId!,
    wwdrCertPath: apple.wwdrCertPath!,
    signerCertPath: apple.signerCertPath!,
    signerKeyPath: apple.signerKeyPath!,
    signerKeyPassphrase: apple.signerKeyPassphrase,
    apnsHost: apple.apnsHost,
    apnsCaPath: apple.apnsCaPath,
  };
}

/** One value of a distinguished name as Node prints it ("UID=…\nCN=…"). */
function nameValue(name: string, attribute: string): string | undefined {
  const line = name.split("\n").find((entry) => entry.startsWith(`${attribute}=`));
  return line?.slice(attribute.length + 1);
}

function readFile(path: string, variable: string, problems: string[]): string | undefined {
  try {
    return fs.readFileSync(path, "utf8");
  } catch (error) {
    problems.push(`${variable}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return undefined;
  }
}

/**
 * Reads and checks the pass certificates: each file is readable PEM, the key
 * matches the pass certificate, the certificate was issued and signed by the
 * WWDR certificate, which is Apple's G4 intermediate (OU=G4), the pass type
 * id and team id match the certificate's subject (UID, OU), and the
 * certificate is valid now. Throws AppleCertificateError listing every problem.
 */
export function checkAppleCertificates(settings: AppleSettings, now = new Date()): AppleCertificates {
  const problems: string[] = [];
  const signerCertPem = readFile(settings.signerCertPath, "LOYALTY_APPLE_SIGNER_CERT_PATH", problems);
  const wwdrPem = readFile(settings.wwdrCertPath, "LOYALTY_APPLE_WWDR_CERT_PATH", problems);
  const signerKeyPem = readFile(settings.signerKeyPath, "LOYALTY_APPLE_SIGNER_KEY_PATH", problems);
  const parse = <T>(what: string, make: () => T): T | undefined => {
    try {
      return make();
    } catch (error) {
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  const signerCert =
    signerCertPem && parse("LOYALTY_APPLE_SIGNER_CERT_PATH is not a PEM certificate", () => new X509Certificate(signerCertPem));
  const wwdrCert = wwdrPem && parse("LOYALTY_APPLE_WWDR_CERT_PATH is not a PEM certificate", () => new X509Certificate(wwdrPem));
  const signerKey =
    signerKeyPem &&
    parse("LOYALTY_APPLE_SIGNER_KEY_PATH is not a readable PEM private key (wrong or missing LOYALTY_APPLE_SIGNER_KEY_PASSPHRASE?)", () =>
      createPrivateKey({ key: signerKeyPem, format: "pem", passphrase: settings.signerKeyPassphrase }),
    );
  if (signerCert && signerKey && !signerCert.checkPrivateKey(signerKey)) {
    problems.push("LOYALTY_APPLE_SIGNER_KEY_PATH: the key does not belong to the pass certificate");
  }
  if (signerCert && wwdrCert) {
    if (!signerCert.checkIssued(wwdrCert) || !signerCert.verify(wwdrCert.publicKey)) {
      problems.push("LOYALTY_APPLE_WWDR_CERT_PATH: the pass certificate was not issued by this WWDR certificate");
    }
    if (nameValue(wwdrCert.subject, "OU") !== "G4") {
      problems.push(
        `LOYALTY_APPLE_WWDR_CERT_PATH: expected Apple's WWDR G4 certificate (OU=G4), got ${wwdrCert.subject.replace(/\n/g, ", ")}`,
      );
    }
    if (!wwdrCert.ca) problems.push("LOYALTY_APPLE_WWDR_CERT_PATH: this is not a certificate authority");
  }
  if (signerCert) {
    const uid = nameValue(signerCert.subject, "UID");
    const ou = nameValue(signerCert.subject, "OU");
    if (uid !== settings.passTypeId) {
      problems.push(
        `LOYALTY_APPLE_PASS_TYPE_ID is ${settings.passTypeId}, but the pass certificate is for ${uid ?? "(no UID in its subject)"}`,
      );
    }
    if (ou !== settings.teamId) {
      problems.push(
        `LOYALTY_APPLE_TEAM_ID is ${settings.teamId}, but the pass certificate belongs to team ${ou ?? "(no OU in its subject)"}`,
      );
    }
    if (new Date(signerCert.validTo) <= now)
      problems.push(`LOYALTY_APPLE_SIGNER_CERT_PATH: the pass certificate expired on ${signerCert.validTo}`);
    if (new Date(signerCert.validFrom) > now)
      problems.push(`LOYALTY_APPLE_SIGNER_CERT_PATH: the pass certificate is valid only from ${signerCert.validFrom}`);
  }
  if (problems.length > 0 || !signerCert || !wwdrCert || !signerKey) throw new AppleCertificateError(problems);
  return {
    passTypeId: settings.passTypeId,
    teamId: settings.teamId,
    signerCert,
    wwdrCert,
    signerKey,
    signerCertPem: signerCertPem!,
    wwdrPem: wwdrPem!,
    signerKeyPem: signerKeyPem!,
    signerKeyPassphrase: settings.signerKeyPassphrase,
    expiresAt: new Date(signerCert.validTo),
  };
}

const cache = globalThis as { __appleCertificates?: AppleCertificates | null };

/** The checked certificates of this process, or null when Apple Wallet is not configured. Checked once. */
export function appleCertificates(): AppleCertificates | null {
  if (cache.__appleCertificates === undefined) {
    const settings = appleSettings();
    cache.__appleCertificates = settings ? checkAppleCertificates(settings) : null;
  }
  return cache.__appleCertificates;
}

/** Forgets the loaded certificates (tests that switch configurations). */
export function resetAppleCertificates(): void {
  cache.__appleCertificates = undefined;
}

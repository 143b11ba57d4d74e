import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// No "server-only" here: `npm run certs:dev`, the Playwright config and tests call this outside Next.

export type DevCertificatePaths = {
  dir: string;
  caCert: string;
  wwdrCert: string;
  signerCert: string;
  signerKey: string;
  passTypeId: string;
  teamId: string;
};

export type DevCertificateOptions = { passTypeId?: string; teamId?: string; days?: number };

/**
 * Creates, with the openssl CLI, a local CA, a stand-in for Apple's WWDR G4
 * intermediate and a pass signer issued by it, with the subject Apple gives
 * real pass type certificates (UID = pass type id, OU = team id). Passes
 * signed with them are structurally valid and verify against the local CA;
 * an iPhone refuses them, since only Apple's WWDR chain is trusted there.
 * Existing files in `dir` are replaced.
 */
export function generateDevCertificates(dir: string, options: DevCertificateOptions = {}): DevCertificatePaths {
  const passTypeId = options.passTypeId ?? "pass.dev.loyalty.local";
  const teamId = options.teamId ?? "DEVTEAM123";
  const days = String(options.days ?? 825);
  fs.mkdirSync(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { stdio: ["ignore", "pipe", "pipe"] });

  fs.writeFileSync(
    file("ca.cnf"),
    [
      "[ca_ext]",
      "basicConstraints = critical, CA:TRUE",
      "keyUsage = critical, keyCertSign, cRLSign",
      "subjectKeyIdentifier = hash",
      "[wwdr_ext]",
      "basicConstraints = critical, CA:TRUE, pathlen:0",
      "keyUsage = critical, keyCertSign, cRLSign",
      "subjectKeyIdentifier = hash",
      "authorityKeyIdentifier = keyid",
      "[signer_ext]",
      "basicConstraints = critical, CA:FALSE",
      "keyUsage = critical, digitalSignature",
      "extendedKeyUsage = clientAuth",
      // As Apple's pass certificates: usable for APNs (development and production), which node-apn checks.
      "1.2.840.113635.100.6.3.1 = ASN1:NULL",
      "1.2.840.113635.100.6.3.2 = ASN1:NULL",
      "subjectKeyIdentifier = hash",
      "authorityKeyIdentifier = keyid",
      "",
    ].join("\n"),
  );
  const subject = (parts: string[]) => "/" + parts.join("/");

  openssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    file("ca.key"),
    "-out",
    file("ca.pem"),
    "-days",
    days,
    "-subj",
    subject(["CN=Loyalty Dev Root CA (not Apple)", "O=Loyalty development"]),
    "-config",
    file("ca.cnf"),
    "-extensions",
    "ca_ext",
  );

  openssl(
    "req",
    "-new",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    file("wwdr.key"),
    "-out",
    file("wwdr.csr"),
    "-subj",
    subject(["CN=Dev stand-in for Apple WWDR Certification Authority", "OU=G4", "O=Loyalty development", "C=LU"]),
  );
  openssl(
    "x509",
    "-req",
    "-in",
    file("wwdr.csr"),
    "-CA",
    file("ca.pem"),
    "-CAkey",
    file("ca.key"),
    "-CAcreateserial",
    "-out",
    file("wwdr.pem"),
    "-days",
    days,
    "-sha256",
    "-extfile",
    file("ca.cnf"),
    "-extensions",
    "wwdr_ext",
  );

  openssl(
    "req",
    "-new",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    file("signer.key"),
    "-out",
    file("signer.csr"),
    "-subj",
    subject([`UID=${passTypeId}`, `CN=Pass Type ID: ${passTypeId}`, `OU=${teamId}`, "O=Loyalty development", "C=LU"]),
  );
  openssl(
    "x509",
    "-req",
    "-in",
    file("signer.csr"),
    "-CA",
    file("wwdr.pem"),
    "-CAkey",
    file("wwdr.key"),
    "-CAcreateserial",
    "-out",
    file("signer.pem"),
    "-days",
    days,
    "-sha256",
    "-extfile",
    file("ca.cnf"),
    "-extensions",
    "signer_ext",
  );

  for (const leftover of ["wwdr.csr", "signer.csr", "ca.srl", "wwdr.srl", "ca.cnf"]) fs.rmSync(file(leftover), { force: true });
  for (const key of ["ca.key", "wwdr.key", "signer.key"]) fs.chmodSync(file(key), 0o600);
  return {
    dir,
    caCert: file("ca.pem"),
    wwdrCert: file("wwdr.pem"),
    signerCert: file("signer.pem"),
    signerKey: file("signer.key"),
    passTypeId,
    teamId,
  };
}

/** The LOYALTY_APPLE_* settings that use these certificates. */
export function devCertificateEnv(paths: DevCertificatePaths): Record<string, string> {
  return {
    LOYALTY_APPLE_PASS_TYPE_ID: paths.passTypeId,
    LOYALTY_APPLE_TEAM_ID: paths.teamId,
    LOYALTY_APPLE_WWDR_CERT_PATH: paths.wwdrCert,
    LOYALTY_APPLE_SIGNER_CERT_PATH: paths.signerCert,
    LOYALTY_APPLE_SIGNER_KEY_PATH: paths.signerKey,
  };
}

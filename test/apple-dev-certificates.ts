import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateDevCertificates, type DevCertificatePaths } from "@/lib/wallet/apple/dev-certificates";

let shared: DevCertificatePaths | undefined;

/** Dev certificates generated once per test process into a temporary folder (openssl takes about half a second). */
export function testAppleCertificates(): DevCertificatePaths {
  shared ??= generateDevCertificates(fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-apple-certs-")), {
    passTypeId: "pass.test.loyalty",
    teamId: "TESTTEAM42",
  });
  return shared;
}

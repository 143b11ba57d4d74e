import { createPrivateKey, type KeyObject } from "node:crypto";
import fs from "node:fs";

export type GoogleCredentials = {
  issuerId: string;
  serviceAccountEmail: string;
  /** The PEM text, as the service account file holds it (google-auth-library signs with it). */
  privateKeyPem: string;
  privateKey: KeyObject;
  privateKeyId: string | undefined;
  /** Where the walletobjects client sends its requests; Google's own root when unset. */
  apiRoot: string | undefined;
};

export type GoogleCredentialsState =
  | { state: "off" }
  | { state: "invalid"; problems: { variable: string; message: string }[] }
  | { state: "ready"; credentials: GoogleCredentials };

const ISSUER_ID = "LOYALTY_GOOGLE_ISSUER_ID";
const SERVICE_ACCOUNT = "LOYALTY_GOOGLE_SERVICE_ACCOUNT_JSON";

/**
 * Reads the Google Wallet settings: neither variable set means Google Wallet is
 * off; one without the other, an issuer id that is not Google's number, or a
 * service account that is not JSON with an email and a usable RSA private key
 * is a problem named by variable (logged at start; the button stays hidden).
 * LOYALTY_GOOGLE_SERVICE_ACCOUNT_JSON holds the key file's JSON, or the path of that file.
 */
export function readGoogleCredentials(google: {
  issuerId: string | undefined;
  serviceAccountJson: string | undefined;
  apiRoot: string | undefined;
}): GoogleCredentialsState {
  if (!google.issuerId && !google.serviceAccountJson) return { state: "off" };
  const problems: { variable: string; message: string }[] = [];
  const issuerId = google.issuerId?.trim();
  if (!issuerId)
    problems.push({
      variable: ISSUER_ID,
      message: `missing: set it with ${SERVICE_ACCOUNT} (the issuer id from the Google Pay & Wallet Console)`,
    });
  else if (!/^\d{5,25}$/.test(issuerId))
    problems.push({
      variable: ISSUER_ID,
      message: `expected the numeric issuer id from the Google Pay & Wallet Console, got "${issuerId}"`,
    });

  const account = google.serviceAccountJson
    ? parseServiceAccount(google.serviceAccountJson)
    : { problem: `missing: set it with ${ISSUER_ID} (the service account's JSON key, or its path)` };
  if ("problem" in account) problems.push({ variable: SERVICE_ACCOUNT, message: account.problem });

  if (problems.length > 0 || "problem" in account || !issuerId) return { state: "invalid", problems };
  return { state: "ready", credentials: { issuerId, ...account, apiRoot: google.apiRoot } };
}

type ParsedAccount = Omit<GoogleCredentials, "issuerId" | "apiRoot">;

function parseServiceAccount(raw: string): ParsedAccount | { problem: string } {
  let text = raw.trim();
  if (!text.startsWith("{")) {
    try {
      text = fs.readFileSync(text, "utf8");
    } catch {
      return { problem: "expected the service account's JSON key, or the path of a readable file holding it" };
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: "not valid JSON: paste the whole key file downloaded from Google Cloud (or give its path)" };
  }
  if (typeof json !== "object" || json === null) return { problem: "expected a JSON object (the service account key file)" };
  const fields = json as Record<string, unknown>;
  if (fields.type !== undefined && fields.type !== "service_account")
    return { problem: `expected "type": "service_account", got "${String(fields.type)}"` };
  const email = fields.client_email;
  if (typeof email !== "string" || !/^[^@\s]+@[^@\s]+$/.test(email))
    return { problem: 'missing "client_email" (the service account\'s email address)' };
  const pem = fields.private_key;
  if (typeof pem !== "string" || !pem.includes("PRIVATE KEY")) return { problem: 'missing "private_key" (a PEM private key)' };
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    return { problem: '"private_key" is not a readable PEM private key' };
  }
  if (privateKey.asymmetricKeyType !== "rsa") return { problem: '"private_key" must be an RSA key (Google signs save links with RS256)' };
  const keyId = typeof fields.private_key_id === "string" && fields.private_key_id ? fields.private_key_id : undefined;
  return { serviceAccountEmail: email, privateKeyPem: pem, privateKey, privateKeyId: keyId };
}

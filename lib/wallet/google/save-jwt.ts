import { sign } from "node:crypto";
import type { GoogleCredentials } from "./google-credentials";

export const SAVE_URL_BASE = "https://pay.google.com/gp/v/save/";

export type SaveJwtClaims = {
  iss: string;
  aud: "google";
  typ: "savetowallet";
  iat: number;
  origins: string[];
  payload: { loyaltyObjects: { id: string; classId: string }[] };
};

/**
 * The "Save to Google Wallet" JWT: RS256 with the service account's key, the
 * object already inserted (so the link carries only its ids and stays short).
 */
export function signSaveJwt(
  credentials: Pick<GoogleCredentials, "serviceAccountEmail" | "privateKey" | "privateKeyId">,
  input: { origin: string; object: { id: string; classId: string }; now: Date },
): string {
  const header = { alg: "RS256", typ: "JWT", ...(credentials.privateKeyId ? { kid: credentials.privateKeyId } : {}) };
  const claims: SaveJwtClaims = {
    iss: credentials.serviceAccountEmail,
    aud: "google",
    typ: "savetowallet",
    iat: Math.floor(input.now.getTime() / 1000),
    origins: [input.origin],
    payload: { loyaltyObjects: [{ id: input.object.id, classId: input.object.classId }] },
  };
  const signingInput = `${base64url(header)}.${base64url(claims)}`;
  const signature = sign("RSA-SHA256", Buffer.from(signingInput), credentials.privateKey).toString("base64url");
  return `${signingInput}.${signature}`;
}

export function saveUrl(jwt: string): string {
  return `${SAVE_URL_BASE}${jwt}`;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getConfig } from "@/lib/config";

/**
 * The token of a customer email's unsubscribe link: it names the customer and
 * the purpose, signed with the server secret (HMAC-SHA256), so the link works
 * without logging in and cannot be forged for someone else. Base64url only
 * (no separator): the last 43 characters are the signature.
 */
const PURPOSE = "unsubscribe";
const SIGNATURE_LENGTH = 43;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sign(data: string): string {
  return createHmac("sha256", getConfig().secrets.secretKey).update(`email-link\0${data}`).digest("base64url");
}

export function signUnsubscribeToken(customerId: string): string {
  const data = Buffer.from(`${PURPOSE}:${customerId}`).toString("base64url");
  return `${data}${sign(data)}`;
}

/** The customer id a token was signed for, or null when it is malformed, forged or for another purpose. */
export function verifyUnsubscribeToken(token: string): string | null {
  if (!/^[A-Za-z0-9_-]{60,200}$/.test(token)) return null;
  const data = token.slice(0, -SIGNATURE_LENGTH);
  const given = Buffer.from(token.slice(-SIGNATURE_LENGTH));
  const expected = Buffer.from(sign(data));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [purpose, customerId] = Buffer.from(data, "base64url").toString("utf8").split(":");
  return purpose === PURPOSE && customerId && UUID.test(customerId) ? customerId : null;
}

/** The page a person opens from the email (a confirm button). */
export function unsubscribePageUrl(token: string): string {
  return `${getConfig().publicUrl}/unsubscribe/${token}`;
}

/** RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to this address. */
export function oneClickUnsubscribeUrl(token: string): string {
  return `${getConfig().publicUrl}/api/v1/loyalty/unsubscribe/${token}`;
}

/** The headers that let a mail client offer "Unsubscribe" (RFC 2369, RFC 8058). */
export function unsubscribeHeaders(token: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${oneClickUnsubscribeUrl(token)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

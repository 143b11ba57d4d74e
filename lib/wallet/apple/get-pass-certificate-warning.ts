import "server-only";
import { appleCertificates } from "./apple-certificates";

export const PASS_CERTIFICATE_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60_000;

export type PassCertificateWarning = { expiresAt: Date; daysLeft: number };

/**
 * When the Apple pass certificate expires within 30 days: its expiry and the
 * whole days left (the dashboard's banner for owners, the admin console).
 * Null otherwise, and when Apple Wallet is not configured.
 */
export function getPassCertificateWarning(now: Date): PassCertificateWarning | null {
  const certificates = appleCertificates();
  if (!certificates) return null;
  return passCertificateWarning(certificates.expiresAt, now);
}

export function passCertificateWarning(expiresAt: Date, now: Date): PassCertificateWarning | null {
  const left = expiresAt.getTime() - now.getTime();
  if (left > PASS_CERTIFICATE_WARNING_DAYS * DAY_MS) return null;
  return { expiresAt, daysLeft: Math.max(0, Math.floor(left / DAY_MS)) };
}

import "server-only";
import { createHmac } from "node:crypto";

/**
 * The demo's credentials are derived from the server secret: stable across
 * restarts and re-seeds (so they can be printed again and shown on /demo),
 * yet different on every installation.
 */

function derive(secretKey: string, label: string): Buffer {
  return createHmac("sha256", secretKey).update(`demo\0${label}`).digest();
}

export const DEMO_OWNER_EMAIL = "owner@demo.loyalty.test";

export function demoOwnerPassword(secretKey: string): string {
  return `demo-${derive(secretKey, "owner-password").toString("base64url").slice(0, 12)}`;
}

export const DEMO_ADMIN_EMAIL = "admin@demo.loyalty.test";

export function demoAdminPassword(secretKey: string): string {
  return `admin-${derive(secretKey, "admin-password").toString("base64url").slice(0, 12)}`;
}

export function demoApiKey(secretKey: string): string {
  return `lk_demo_${derive(secretKey, "api-key").toString("base64url")}`;
}

/** Distinct 4-digit PINs, one per staff member, in order. */
export function demoStaffPins(secretKey: string, count: number): string[] {
  const pins: string[] = [];
  for (let attempt = 0; pins.length < count; attempt++) {
    const pin = String(derive(secretKey, `pin-${attempt}`).readUInt32BE(0) % 10_000).padStart(4, "0");
    if (!pins.includes(pin)) pins.push(pin);
  }
  return pins;
}

export const LARGE_OWNER_EMAIL = "owner@large.demo.loyalty.test";

export function largeOwnerPassword(secretKey: string): string {
  return `large-${derive(secretKey, "large-owner-password").toString("base64url").slice(0, 12)}`;
}

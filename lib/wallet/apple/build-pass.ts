import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PKPass } from "passkit-generator";
import type { AppleCertificates } from "./apple-certificates";
import { passImages, type PassBranding } from "./pass-images";
import { signManifest } from "./sign-manifest";
import { storedZip } from "./stored-zip";

/** Everything a card's pass shows, gathered by load-pass-content.ts. */
export type PassContent = {
  serialNumber: string;
  authenticationToken: string;
  /** `<public origin>/api/v1/loyalty/apple` */
  webServiceURL: string;
  organizationName: string;
  description: string;
  branding: PassBranding;
  stamps: { count: number; target: number } | null;
  points: number | null;
  rewardReady: boolean;
  rewardDescription: string | null;
  customerName: string | null;
  cardNumber: string;
  barcode: { message: string; format: "qr" | "code128" };
  webCardUrl: string;
  privacyUrl: string;
  /** The customer erased their data: the pass is void and shows nothing personal. */
  voided: boolean;
};

export const PASS_LANGUAGES = ["en", "fr", "de"] as const;

let strings: Record<string, Buffer> | undefined;

/** Apple's localization files, shipped in lib/wallet/apple/pass-strings/<lang>.lproj/pass.strings. */
function passStrings(): Record<string, Buffer> {
  if (!strings) {
    const dir = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "wallet", "apple", "pass-strings");
    strings = Object.fromEntries(
      PASS_LANGUAGES.map((lang) => [`${lang}.lproj/pass.strings`, fs.readFileSync(path.join(dir, `${lang}.lproj`, "pass.strings"))]),
    );
  }
  return strings;
}

function hexToRgb(hex: string): string {
  const value = Number.parseInt(hex.replace("#", ""), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
}

/**
 * pass.json, assembled and validated by passkit-generator (its schemas check
 * every key, field and barcode): a storeCard with the balance fields, each
 * with a changeMessage so the lock screen says what changed, the back fields
 * linking to the web card and its privacy page, and the barcode.
 */
export function passJson(content: PassContent, certificates: Pick<AppleCertificates, "passTypeId" | "teamId">): Record<string, unknown> {
  const pass = new PKPass({}, undefined, {
    formatVersion: 1,
    serialNumber: content.serialNumber,
    passTypeIdentifier: certificates.passTypeId,
    teamIdentifier: certificates.teamId,
    organizationName: content.organizationName,
    description: content.description,
    logoText: content.description,
    authenticationToken: content.authenticationToken,
    webServiceURL: content.webServiceURL,
    backgroundColor: hexToRgb(content.branding.backgroundColor),
    foregroundColor: hexToRgb(content.branding.foregroundColor),
    labelColor: hexToRgb(content.branding.labelColor),
    sharingProhibited: true,
    voided: content.voided,
  });
  pass.type = "storeCard";
  if (content.stamps) {
    pass.headerFields.push({
      key: "stamps",
      label: "stamps.label",
      value: `${content.stamps.count} / ${content.stamps.target}`,
      changeMessage: "stamps.changed",
    });
  }
  if (content.points !== null) {
    const field = { key: "points", label: "points.label", value: content.points, changeMessage: "points.changed" };
    if (content.stamps) pass.auxiliaryFields.push(field);
    else pass.headerFields.push(field);
  }
  if (content.voided) {
    pass.secondaryFields.push({ key: "status", label: "status.label", value: "erased.value" });
  } else {
    pass.secondaryFields.push({
      key: "reward",
      label: "reward.label",
      value: content.rewardReady ? "reward.ready" : "reward.notYet",
      changeMessage: "reward.changed",
    });
    if (content.customerName) pass.secondaryFields.push({ key: "member", label: "member.label", value: content.customerName });
  }
  pass.backFields.push({ key: "cardNumber", label: "cardNumber.label", value: content.cardNumber });
  if (content.rewardDescription)
    pass.backFields.push({ key: "rewardDescription", label: "rewardDescription.label", value: content.rewardDescription });
  if (!content.voided) {
    pass.backFields.push(
      { key: "webCard", label: "webCard.label", value: content.webCardUrl },
      { key: "privacy", label: "privacy.label", value: content.privacyUrl },
    );
    pass.setBarcodes({
      format: content.barcode.format === "code128" ? "PKBarcodeFormatCode128" : "PKBarcodeFormatQR",
      message: content.barcode.message,
      messageEncoding: "iso-8859-1",
      altText: content.cardNumber,
    });
  }
  return pass.props as Record<string, unknown>;
}

/** The files of the pass before manifest and signature: pass.json, images, strings. */
export async function passFiles(
  content: PassContent,
  certificates: Pick<AppleCertificates, "passTypeId" | "teamId">,
): Promise<Record<string, Buffer>> {
  const images = await passImages(content.branding, content.stamps);
  return { "pass.json": Buffer.from(JSON.stringify(passJson(content, certificates))), ...images, ...passStrings() };
}

/** manifest.json: the SHA-1 of every file, as Apple asks. */
export function passManifest(files: Record<string, Buffer>): Buffer {
  const manifest: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) manifest[name] = createHash("sha1").update(data).digest("hex");
  return Buffer.from(JSON.stringify(manifest));
}

/** A signed .pkpass: the files, manifest.json and its detached signature, zipped. */
export async function buildPass(content: PassContent, certificates: AppleCertificates, signingTime: Date): Promise<Buffer> {
  const files = await passFiles(content, certificates);
  const manifest = passManifest(files);
  const signature = signManifest(manifest, certificates, signingTime);
  return storedZip({ ...files, "manifest.json": manifest, signature });
}

import "server-only";
import { imageSize } from "image-size";
import { AppError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { LOGO_RULES, type LogoMimeType } from "./schemas";

export type InspectedLogo = { mimeType: LogoMimeType; width: number; height: number };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

function refuse(message: string): never {
  throw new AppError("VALIDATION_FAILED", { fieldErrors: { logo: [message] } }, "The logo is not accepted.");
}

/**
 * What an uploaded logo really is, read from its bytes (the browser's file
 * name and type are only claims): PNG or JPEG, at most LOGO_RULES.maxBytes,
 * between LOGO_RULES.minSide and maxSide pixels on each side.
 * VALIDATION_FAILED on the `logo` field otherwise.
 */
export function inspectLogo(bytes: Uint8Array): InspectedLogo {
  if (bytes.length === 0) refuse("validation.logoRequired");
  if (bytes.length > LOGO_RULES.maxBytes) refuse(messageKey("validation.logoSize", { maxKb: LOGO_RULES.maxBytes / 1024 }));
  const mimeType: LogoMimeType | null = startsWith(bytes, PNG_SIGNATURE)
    ? "image/png"
    : startsWith(bytes, JPEG_SIGNATURE)
      ? "image/jpeg"
      : null;
  if (!mimeType) refuse("validation.logoType");
  let size: { width: number; height: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    // A PNG or JPEG signature followed by something image-size cannot read: not an image we can use.
    refuse("validation.logoType");
  }
  if (size.type !== (mimeType === "image/png" ? "png" : "jpg")) refuse("validation.logoType");
  // A PNG cut short (an interrupted copy) has no end chunk; wallets would fail to draw it.
  if (mimeType === "image/png" && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf("IEND") === -1) {
    refuse("validation.logoType");
  }
  const { width, height } = size;
  if ([width, height].some((side) => !Number.isInteger(side) || side < LOGO_RULES.minSide || side > LOGO_RULES.maxSide)) {
    refuse(messageKey("validation.logoDimensions", { min: LOGO_RULES.minSide, max: LOGO_RULES.maxSide, width, height }));
  }
  return { mimeType, width, height };
}

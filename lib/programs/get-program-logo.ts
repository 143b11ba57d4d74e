import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { LOGO_RULES, type LogoMimeType } from "./schemas";

export type ProgramLogo = { bytes: Uint8Array<ArrayBuffer>; mimeType: LogoMimeType; etag: string };

/**
 * A program's logo for anyone who shows the card (wallets, the enrollment
 * page): public like the card itself, found by the program's id. Null when
 * there is none, or when what is stored is not a type we accept.
 */
export async function getProgramLogo(programId: string): Promise<ProgramLogo | null> {
  const program = await db.program.findUnique({ where: { id: programId }, select: { logo: true, logoMimeType: true } });
  if (!program?.logo || !program.logoMimeType) return null;
  if (!(LOGO_RULES.mimeTypes as readonly string[]).includes(program.logoMimeType)) return null;
  const bytes = Uint8Array.from(program.logo);
  const etag = `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
  return { bytes, mimeType: program.logoMimeType as LogoMimeType, etag };
}

import "server-only";
import type { walletobjects_v1 } from "@googleapis/walletobjects";
import { db } from "@/lib/db";
import { translatorFor } from "@/lib/i18n/translator";
import { LOCALES } from "@/lib/i18n/locales";
import { callGoogle, GoogleApiError, type GoogleWallet } from "./google-wallet";

export type ClassSource = {
  id: string;
  type: "stamps" | "points" | "hybrid";
  cardName: string;
  stampsTarget: number;
  stampsRewardDescription: string | null;
  pointsPerEuro: number;
  backgroundColor: string;
  logoMimeType: string | null;
  updatedAt: Date;
  merchant: { name: string; defaultLocale: string };
};

/** `<issuerId>.program-<program id>`: stable for the program's life, whatever its name becomes. */
export function loyaltyClassId(issuerId: string, programId: string): string {
  return `${issuerId}.program-${programId}`;
}

/** Google's language tags for our locales (Luxembourgish has its own tag; Google falls back to the default value). */
function localized(build: (locale: string) => string, defaultLocale: string): walletobjects_v1.Schema$LocalizedString {
  const main = LOCALES.includes(defaultLocale as (typeof LOCALES)[number]) ? defaultLocale : "en";
  return {
    defaultValue: { language: main, value: build(main) },
    translatedValues: LOCALES.filter((locale) => locale !== main).map((locale) => ({ language: locale, value: build(locale) })),
  };
}

function rulesText(locale: string, program: ClassSource): string {
  const t = translatorFor(locale);
  const reward = program.stampsRewardDescription ?? t("googleWallet.reward.fallback");
  if (program.type === "stamps") return t("googleWallet.rules.stamps", { target: program.stampsTarget, reward });
  if (program.type === "points") return t("googleWallet.rules.points", { perEuro: program.pointsPerEuro });
  return t("googleWallet.rules.hybrid", { target: program.stampsTarget, reward, perEuro: program.pointsPerEuro });
}

/** The loyalty class of a program: its names, logo, color and rules, with the rules in every language of the product. */
export function buildLoyaltyClass(
  program: ClassSource,
  options: { issuerId: string; publicUrl: string },
): walletobjects_v1.Schema$LoyaltyClass {
  const locale = program.merchant.defaultLocale;
  const logoUri = program.logoMimeType
    ? `${options.publicUrl}/api/v1/loyalty/logos/${program.id}?v=${program.updatedAt.getTime()}`
    : `${options.publicUrl}/icons/card-icon-512.png`;
  const rules = localized((l) => rulesText(l, program), locale);
  const header = localized((l) => translatorFor(l)("googleWallet.rules.header"), locale);
  return {
    id: loyaltyClassId(options.issuerId, program.id),
    issuerName: program.merchant.name,
    programName: program.cardName,
    programLogo: {
      sourceUri: { uri: logoUri },
      contentDescription: localized((l) => translatorFor(l)("googleWallet.logo", { name: program.cardName }), locale),
    },
    hexBackgroundColor: program.backgroundColor,
    // Google shows a class to customers once reviewed; a change goes back to review (Google's rule for updates).
    reviewStatus: "UNDER_REVIEW",
    multipleDevicesAndHoldersAllowedStatus: "ONE_USER_ALL_DEVICES",
    textModulesData: [
      { id: "rules", header: header.defaultValue?.value, body: rules.defaultValue?.value, localizedHeader: header, localizedBody: rules },
    ],
  };
}

/**
 * Inserts the program's class at Google, or patches it when it exists: a 404
 * on patch inserts it again, a 409 on insert (inserted by an earlier attempt
 * whose answer was lost) patches it. Records the class id and Google's review
 * status on the program. Returns the class id.
 */
export async function syncLoyaltyClass(wallet: GoogleWallet, programId: string, now: Date): Promise<string | null> {
  const program = await db.program.findUnique({
    where: { id: programId },
    select: {
      id: true,
      type: true,
      cardName: true,
      stampsTarget: true,
      stampsRewardDescription: true,
      pointsPerEuro: true,
      backgroundColor: true,
      logoMimeType: true,
      updatedAt: true,
      googleClassId: true,
      merchant: { select: { name: true, defaultLocale: true } },
    },
  });
  if (!program) return null;
  const body = buildLoyaltyClass(program, { issuerId: wallet.credentials.issuerId, publicUrl: wallet.publicUrl });
  const id = body.id!;
  const insert = () => callGoogle(wallet, "loyaltyclass.insert", () => wallet.api.loyaltyclass.insert({ requestBody: body }));
  const patch = () => callGoogle(wallet, "loyaltyclass.patch", () => wallet.api.loyaltyclass.patch({ resourceId: id, requestBody: body }));
  let saved: walletobjects_v1.Schema$LoyaltyClass;
  if (program.googleClassId) saved = await patch().catch((error: unknown) => (isStatus(error, 404) ? insert() : Promise.reject(error)));
  else saved = await insert().catch((error: unknown) => (isStatus(error, 409) ? patch() : Promise.reject(error)));
  await db.program.update({
    where: { id: program.id },
    data: { googleClassId: id, googleClassReviewStatus: saved.reviewStatus ?? null, googleClassSyncedAt: now },
  });
  return id;
}

export function isStatus(error: unknown, status: number): boolean {
  return error instanceof GoogleApiError && error.status === status;
}

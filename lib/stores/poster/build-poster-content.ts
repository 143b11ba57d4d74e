import "server-only";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import type { ServiceContext } from "@/lib/service-context";
import { getStore } from "../get-store";
import { contrastRatio } from "./layout-poster";
import type { PosterContent } from "./poster-content";

/** The program's default card colour, for a merchant who has no program yet. */
const DEFAULT_BRAND_COLOR = "#3b2314";
const PAPER = "#ffffff";
const INK = "#1c1917";

export type StorePoster = { content: PosterContent; storeCode: string };

/**
 * What one store's poster says, in `locale`: the merchant and the store, the enrollment URL
 * the QR opens, and texts that match the program (stamps, points or both). The poster is
 * printed, so the page stays white; the program's card colour is the accent, and the text
 * colour too when it is dark enough to read (and to scan, for the QR).
 */
export async function buildPosterContent(ctx: ServiceContext, storeId: string, locale: Locale): Promise<StorePoster> {
  const [store, merchant, program, t] = await Promise.all([
    getStore(ctx, storeId),
    db.merchant.findUniqueOrThrow({ where: { id: ctx.merchantId }, select: { name: true } }),
    db.program.findUnique({
      where: { merchantId: ctx.merchantId },
      select: { type: true, stampsTarget: true, stampsRewardDescription: true, pointsPerEuro: true, backgroundColor: true },
    }),
    getTranslations({ locale, namespace: "dashboard.stores.poster" }),
  ]);

  let body: string;
  if (!program) body = t("body.none");
  else if (program.type === "points") body = t("body.points", { points: program.pointsPerEuro });
  else if (program.type === "hybrid") body = t("body.hybrid");
  else if (program.stampsRewardDescription)
    body = t("body.stamps", { target: program.stampsTarget, reward: program.stampsRewardDescription });
  else body = t("body.stampsNoReward", { target: program.stampsTarget });

  const brand = program?.backgroundColor && /^#[0-9a-f]{6}$/i.test(program.backgroundColor) ? program.backgroundColor : DEFAULT_BRAND_COLOR;
  return {
    storeCode: store.code,
    content: {
      merchantName: merchant.name,
      storeName: store.name,
      joinUrl: store.joinUrl,
      headline: t("headline"),
      body,
      steps: [t("steps.scan"), t("steps.join"), t("steps.show")],
      footer: store.address ?? "",
      backgroundColor: PAPER,
      foregroundColor: contrastRatio(brand, PAPER) >= 7 ? brand : INK,
      accentColor: brand,
    },
  };
}

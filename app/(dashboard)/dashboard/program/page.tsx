import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireMerchantUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { centsToAmountText } from "@/lib/domain/money";
import { usesPoints } from "@/lib/domain/program-features";
import { isAppError } from "@/lib/errors";
import { getProgram } from "@/lib/programs/get-program";
import type { ProgramView } from "@/lib/programs/program-view";
import { LOGO_RULES } from "@/lib/programs/schemas";
import {
  createProgramAction,
  createRewardAction,
  removeLogoAction,
  setRewardActiveAction,
  updateProgramAction,
  updateRewardAction,
  uploadLogoAction,
} from "./actions";
import { LogoForm } from "./logo-form";
import { ProgramForm, type ProgramDraft } from "./program-form";
import { RewardsCatalog } from "./rewards-catalog";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.program"))("title") };
}

/** The merchant's program, or null before the guided setup (or this page) creates it. */
async function findProgram(...args: Parameters<typeof getProgram>): Promise<ProgramView | null> {
  try {
    return await getProgram(...args);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

function draftOf(program: ProgramView): ProgramDraft {
  return {
    loyaltyType: program.loyaltyType,
    cardName: program.cardName,
    stampsTarget: String(program.stampsTarget),
    stampsRewardDescription: program.stampsRewardDescription ?? "",
    pointsPerEuro: String(program.pointsPerEuro),
    maxPurchaseEuros: centsToAmountText(program.maxPurchaseCents),
    cooldownMinutes: String(program.cooldownMinutes),
    maxDailyStamps: String(program.maxDailyStamps),
    staffSessionIdleMinutes: String(program.staffSessionIdleMinutes),
    staffSessionMaxHours: String(program.staffSessionMaxHours),
    pointsExpiryMonths: program.pointsExpiryMonths === null ? "" : String(program.pointsExpiryMonths),
    birthdayRewardEnabled: program.birthdayRewardEnabled,
    birthdayRewardStamps: String(program.birthdayRewardStamps),
    birthdayRewardPoints: String(program.birthdayRewardPoints),
    requireStaffPin: program.requireStaffPin,
    walletBarcode: program.walletBarcode,
    active: program.active,
    cardColor: program.cardColor,
    foregroundColor: program.foregroundColor,
    labelColor: program.labelColor,
  };
}

/** What a new program starts from: the platform's defaults and the database's default colors. */
function newDraft(merchantName: string): ProgramDraft {
  const defaults = getConfig().loyalty;
  return {
    loyaltyType: "stamps",
    cardName: merchantName.slice(0, 60),
    stampsTarget: "10",
    stampsRewardDescription: "",
    pointsPerEuro: String(defaults.defaultPointsPerEuro),
    maxPurchaseEuros: centsToAmountText(defaults.maxPurchaseCents),
    cooldownMinutes: String(defaults.defaultCooldownMinutes),
    maxDailyStamps: String(defaults.maxDailyStamps),
    staffSessionIdleMinutes: "5",
    staffSessionMaxHours: "12",
    pointsExpiryMonths: "",
    birthdayRewardEnabled: false,
    birthdayRewardStamps: "1",
    birthdayRewardPoints: "0",
    requireStaffPin: true,
    walletBarcode: "qr",
    active: true,
    cardColor: "#3b2314",
    foregroundColor: "#ffffff",
    labelColor: "#f5d9b8",
  };
}

export default async function ProgramPage() {
  const session = await requireMerchantUser();
  const [t, program] = await Promise.all([getTranslations("dashboard.program"), findProgram(session.ctx)]);

  if (!program) {
    return (
      <>
        <PageHeader title={t("setup.title")} description={t("setup.description")} />
        <ProgramForm
          key="create"
          mode="create"
          action={createProgramAction}
          initial={newDraft(session.merchant.name)}
          merchantName={session.merchant.name}
          logoUrl={null}
          nextReward={null}
        >
          <p className="rounded-xl border border-dashed border-stone-300 bg-white px-5 py-4 text-sm text-stone-600">{t("setup.later")}</p>
        </ProgramForm>
      </>
    );
  }

  // The address changes with each change of the program, so a new logo shows at once despite caching.
  const logoUrl = program.hasLogo ? `/api/v1/loyalty/logos/${program.id}?v=${Date.parse(program.updatedAt)}` : null;
  const cheapest = program.rewards.filter((reward) => reward.active).sort((a, b) => a.pointsCost - b.pointsCost)[0];
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ProgramForm
        key="update"
        mode="update"
        action={updateProgramAction}
        initial={draftOf(program)}
        merchantName={session.merchant.name}
        logoUrl={logoUrl}
        nextReward={cheapest ? { name: cheapest.name, pointsCost: cheapest.pointsCost } : null}
      >
        <LogoForm uploadAction={uploadLogoAction} removeAction={removeLogoAction} logoUrl={logoUrl} maxBytes={LOGO_RULES.maxBytes} />
        {usesPoints(program.loyaltyType) ? (
          <RewardsCatalog
            rewards={program.rewards}
            createAction={createRewardAction}
            updateAction={updateRewardAction}
            setActiveAction={setRewardActiveAction}
          />
        ) : null}
      </ProgramForm>
    </>
  );
}

import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it, vi } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { useTestDatabase } from "@/test/db";
import { createMerchantSetup, ownerContext } from "@/test/factories";
import { refusal } from "@/test/refusal";
import { createStore } from "../create-store";
import { buildPosterContent } from "./build-poster-content";
import { renderPosterPng } from "./render-poster-png";

// In the app, next-intl reads the catalogs through the request config; here, straight from messages/.
vi.mock("next-intl/server", () => ({
  getTranslations: async ({ locale, namespace }: { locale: string; namespace: string }) => {
    const t = translatorFor(locale) as unknown as (key: string, values?: Record<string, unknown>) => string;
    return (key: string, values?: Record<string, unknown>) => t(`${namespace}.${key}`, values);
  },
}));

describe("buildPosterContent", () => {
  const database = useTestDatabase();

  it("puts the store's join URL in the QR, with the merchant, the store, its address and the program's texts", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma, {
      program: { stampsTarget: 8, stampsRewardDescription: "un café offert", backgroundColor: "#1f4e3d" },
    });
    const owner = await ownerContext(prisma, setup.merchant.id);
    const store = await createStore(owner, { name: "Place d'Armes", address: "12 Place d'Armes, Luxembourg", code: "ARMES12" });

    const { content, storeCode } = await buildPosterContent(owner, store.id, "fr");
    expect(storeCode).toBe("ARMES12");
    expect(content).toMatchObject({
      merchantName: setup.merchant.name,
      storeName: "Place d'Armes",
      joinUrl: "https://loyalty.test/join/ARMES12",
      headline: "Rejoignez notre programme de fidélité",
      body: "Un tampon à chaque visite. Après 8 tampons : un café offert.",
      footer: "12 Place d'Armes, Luxembourg",
      backgroundColor: "#ffffff",
      // Dark enough to read and to scan: the brand colour is the text colour too.
      foregroundColor: "#1f4e3d",
      accentColor: "#1f4e3d",
    });
    expect(content.steps).toHaveLength(3);

    const png = PNG.sync.read(Buffer.from(await renderPosterPng(content)));
    const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    expect(decoded?.data).toBe("https://loyalty.test/join/ARMES12");
  });

  it("follows the program type and the language, and keeps a light brand colour off the text", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma, { program: { type: "points", pointsPerEuro: 2, backgroundColor: "#ffd84d" } });
    const owner = await ownerContext(prisma, setup.merchant.id);

    const { content } = await buildPosterContent(owner, setup.store.id, "de");
    expect(content.headline).toBe("Machen Sie mit bei unserem Treueprogramm");
    expect(content.body).toBe("Sammeln Sie 2 Punkte pro ausgegebenem Euro und tauschen Sie sie gegen Prämien.");
    expect(content).toMatchObject({ accentColor: "#ffd84d", foregroundColor: "#1c1917", footer: "" });
  });

  it("refuses another merchant's store", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const other = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id);
    expect((await refusal(buildPosterContent(owner, other.store.id, "en"))).code).toBe("NOT_FOUND");
  });
});

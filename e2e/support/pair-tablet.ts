import { expect, type Browser, type Page } from "@playwright/test";
import { screenshot } from "./screenshot";
import { logIn, type SeededMerchant } from "./seed-merchant";

/** The counter journeys' tablet: a landscape iPad-sized screen. */
export const TABLET = { width: 1024, height: 768 };

/** A manager pairs a tablet from the dashboard; the tablet (a browser context of its own) opens the link. */
export async function pairTablet(browser: Browser, merchant: SeededMerchant, options: { shots?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: TABLET });
  const manager = await context.newPage();
  await logIn(manager, merchant.manager ?? merchant.owner);
  await manager.goto(`/dashboard/stores/${merchant.store!.id}`);
  const devices = manager.getByRole("region", { name: "Counter tablets" });
  await devices.getByRole("button", { name: "Pair a tablet" }).click();
  const pairingUrl = (await devices.getByTestId("pairing-url").textContent())!;
  await manager.close();
  // The tablet is another device: no dashboard session there.
  await context.clearCookies();
  const tablet = await context.newPage();
  await tablet.goto(pairingUrl);
  await tablet.getByLabel("Name for this tablet").fill("Till 1");
  await tablet.getByRole("button", { name: "Pair this tablet" }).click();
  await expect(tablet.getByText(/This tablet is paired to Main street/)).toBeVisible();
  if (options.shots) await screenshot(tablet, "counter-paired");
  await tablet.goto("/counter");
  await expect(tablet.getByRole("heading", { level: 1, name: "Main street" })).toBeVisible();
  return tablet;
}

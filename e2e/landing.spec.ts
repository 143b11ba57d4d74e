import { expect, test } from "@playwright/test";

test.describe("the landing page", () => {
  test("presents the product and leads to the dashboard login and to the demo", async ({ page }, testInfo) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Loyalty cards your customers keep in their wallet");
    await expect(page.getByRole("figure", { name: "Example of a stamp card" })).toContainText("7 of 10 stamps");
    await expect(page.getByRole("link", { name: "Log in to your dashboard" })).toHaveAttribute("href", "/login");
    await page.screenshot({ path: testInfo.outputPath("landing-desktop.png"), fullPage: true });

    await page.getByRole("link", { name: "Try the demo" }).click();
    await expect(page).toHaveURL(/\/demo$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Try the demo");
    await expect(page.getByTestId("demo-email")).toHaveText("owner@demo.loyalty.test");
    await expect(page.getByTestId("demo-password")).toHaveText(/^demo-/);
    await expect(page.getByText(/50 customers/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Enrollment page" }).first()).toHaveAttribute("href", /^\/join\/LUM/);
    await expect(page.getByRole("cell", { name: "Sophie Martin" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("demo-desktop.png"), fullPage: true });
  });

  test("speaks the browser's language and switches language on request", async ({ browser }) => {
    const context = await browser.newContext({ locale: "de-DE" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Treuekarten, die Ihre Kundschaft im Wallet trägt");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");

    await page.getByLabel("Sprache").selectOption("lb");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Treiekaarten, déi Är Clienten am Portmonni vum Handy hunn");
    await expect(page.locator("html")).toHaveAttribute("lang", "lb");

    // The choice sticks for the next pages.
    await page.getByRole("link", { name: "Demo", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demo probéieren");

    await page.getByLabel("Sprooch").selectOption("fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Essayer la démo");
    await context.close();
  });

  test("answers an unknown address with a helpful 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await page.getByRole("link", { name: "Go to the home page" }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});

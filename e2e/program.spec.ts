import { expect, test, type Page } from "@playwright/test";
import { PNG } from "pngjs";
import { screenshot as takeScreenshot } from "./support/screenshot";
import { logIn, seedMerchant } from "./support/seed-merchant";

/** A small logo: a brown disc and bar on a transparent background. */
function logoPng(width = 320, height = 120): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 4;
      const inDisc = (x - 60) ** 2 + (y - height / 2) ** 2 < 45 ** 2;
      const inBar = x > 120 && x < width - 20 && Math.abs(y - height / 2) < 14;
      if (inDisc || inBar) image.data.set([0xf5, 0xd9, 0xb8, 0xff], offset);
    }
  }
  return PNG.sync.write(image);
}

/** A full-page screenshot from the top, so the sticky sidebar and preview sit where a person first sees them. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await takeScreenshot(page, name);
}

async function openProgram(page: Page, program: "stamps" | "points" | "hybrid" | undefined) {
  const merchant = await seedMerchant({ program });
  await logIn(page, merchant.owner);
  await page.goto("/dashboard/program");
  return merchant;
}

test.describe("Program page", () => {
  test("the owner changes the stamp card, sees the preview follow, saves it and is told about a wrong value", async ({ page }) => {
    await openProgram(page, "stamps");
    await expect(page.getByRole("heading", { level: 1, name: "Program" })).toBeVisible();
    const apple = page.getByRole("figure", { name: "The card in Apple Wallet" });
    await expect(apple).toContainText("7 / 10");
    await expect(apple).toContainText("A free coffee");
    await expect(apple).toContainText("Coffee card");
    await expect(page.getByText("All changes are saved.")).toBeVisible();
    await screenshot(page, "program-stamps");

    // The preview follows the form before anything is saved.
    await page.getByLabel("Stamps for a reward").fill("12");
    await page.getByLabel("Reward", { exact: true }).fill("A free cinnamon roll");
    await page.getByLabel("Card name").fill("Café Lumière");
    await page.getByLabel("Background color", { exact: true }).fill("#1d4ed8");
    await expect(apple).toContainText("8 / 12");
    await expect(apple).toContainText("A free cinnamon roll");
    await expect(apple).toContainText("Café Lumière");
    await expect(page.getByTestId("apple-card")).toHaveCSS("background-color", "rgb(29, 78, 216)");
    await expect(page.getByText("Unsaved changes")).toBeVisible();

    await page.getByRole("button", { name: "Google Wallet" }).click();
    const google = page.getByRole("figure", { name: "The card in Google Wallet" });
    await expect(google).toContainText("8 / 12");
    await expect(google).toContainText("Café Lumière");
    await screenshot(page, "program-google-preview");
    await page.getByRole("button", { name: "Apple Wallet" }).click();
    // For a counter scanner that reads only one-line barcodes, the Apple pass can carry Code 128.
    await expect(page.getByLabel("Barcode on the Apple Wallet pass")).toHaveValue("qr");
    await page.getByLabel("Barcode on the Apple Wallet pass").selectOption({ label: "Code 128" });

    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Changes saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Barcode on the Apple Wallet pass")).toHaveValue("code128");
    await expect(page.getByLabel("Stamps for a reward")).toHaveValue("12");
    await expect(page.getByLabel("Reward", { exact: true })).toHaveValue("A free cinnamon roll");
    await expect(page.getByLabel("Background color", { exact: true })).toHaveValue("#1d4ed8");
    await expect(apple).toContainText("8 / 12");

    // A value the schema refuses: the error sits next to its field, and nothing is saved.
    const target = page.getByLabel("Stamps for a reward");
    await target.fill("0");
    await page.getByLabel("Text color", { exact: true }).fill("brown");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.locator("#field-stampsTarget-error")).toHaveText("Enter at least 1.");
    await expect(target).toHaveAttribute("aria-invalid", "true");
    await expect(target).toHaveAccessibleDescription(/Enter at least 1\./);
    await expect(page.locator("#field-foregroundColor-error")).toHaveText("Pick a color (like #3b2314).");
    await expect(page.getByRole("alert").filter({ hasText: "Check the fields marked below" })).toBeVisible();
    await screenshot(page, "program-errors");
    await page.reload();
    await expect(page.getByLabel("Stamps for a reward")).toHaveValue("12");
  });

  test("the owner switches to points, sets the largest purchase in euros and keeps a rewards catalog", async ({ page }) => {
    await openProgram(page, "stamps");
    await expect(page.getByRole("heading", { name: "Rewards catalog" })).toHaveCount(0);

    await page.getByRole("radio", { name: "Points", exact: true }).check();
    await expect(page.getByLabel("Stamps for a reward")).toHaveCount(0);
    const apple = page.getByRole("figure", { name: "The card in Apple Wallet" });
    await expect(apple).toContainText("120");
    await page.getByLabel("Points per euro").fill("2");
    await page.getByLabel("Largest purchase").fill("250,50");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Changes saved.")).toBeVisible();

    const catalog = page.getByRole("region", { name: "Rewards catalog" });
    await expect(catalog).toBeVisible();
    await expect(catalog).toContainText("No rewards yet");
    await catalog.getByLabel("Reward", { exact: true }).fill("Free croissant");
    await catalog.getByLabel("Points", { exact: true }).fill("150");
    await catalog.getByLabel("Description (optional)").fill("Any pastry from the counter");
    await catalog.getByRole("button", { name: "Add reward" }).click();
    const row = catalog.getByRole("row", { name: /Free croissant/ });
    await expect(row).toContainText("150 points");
    await expect(row).toContainText("Active");
    await expect(row).toContainText("Any pastry from the counter");
    await expect(apple).toContainText("Free croissant · 150 pts");

    await catalog.getByRole("button", { name: "Edit Free croissant" }).click();
    const edit = catalog.getByRole("form", { name: "Edit Free croissant" });
    await edit.getByLabel("Reward", { exact: true }).fill("Free pain au chocolat");
    await edit.getByLabel("Points", { exact: true }).fill("120");
    await edit.getByRole("button", { name: "Save reward" }).click();
    const edited = catalog.getByRole("row", { name: /Free pain au chocolat/ });
    await expect(edited).toContainText("120 points");
    await expect(apple).toContainText("Free pain au chocolat · 120 pts");

    await catalog.getByRole("button", { name: "Add reward" }).click();
    await expect(catalog.locator("#new-reward-name-error")).toHaveText("This field is required.");
    await catalog.getByLabel("Reward", { exact: true }).fill("Coffee mug");
    await catalog.getByLabel("Points", { exact: true }).fill("900");
    await catalog.getByRole("button", { name: "Add reward" }).click();
    await expect(catalog.getByRole("row", { name: /Coffee mug/ })).toContainText("900 points");

    await catalog.getByRole("button", { name: "Retire Free pain au chocolat" }).click();
    await expect(edited).toContainText("Retired");
    await expect(catalog.getByRole("button", { name: "Bring back Free pain au chocolat" })).toBeVisible();
    await expect(apple).toContainText("Coffee mug · 900 pts");
    await screenshot(page, "program-points-rewards");

    await catalog.getByRole("button", { name: "Bring back Free pain au chocolat" }).click();
    await expect(edited).toContainText("Active");
    await catalog.getByRole("button", { name: "Retire Free pain au chocolat" }).click();
    await expect(edited).toContainText("Retired");

    await page.reload();
    await expect(page.getByRole("radio", { name: "Points", exact: true })).toBeChecked();
    await expect(page.getByLabel("Largest purchase")).toHaveValue("250.50");
    await expect(page.getByLabel("Points per euro")).toHaveValue("2");
    await expect(catalog.getByRole("row", { name: /Free pain au chocolat/ })).toContainText("Retired");
  });

  test("the owner uploads a logo and sees it on the card; a text file named .png is refused next to the field", async ({ page }) => {
    await openProgram(page, "hybrid");
    const logoField = page.getByLabel("Logo file");
    await logoField.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: logoPng() });
    await page.getByRole("button", { name: "Upload logo" }).click();
    await expect(page.getByText("Logo uploaded.")).toBeVisible();

    const apple = page.getByRole("figure", { name: "The card in Apple Wallet" });
    const logo = apple.locator("img");
    await expect(logo).toHaveAttribute("src", /^\/api\/v1\/loyalty\/logos\/[0-9a-f-]+\?v=\d+$/);
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    await expect(page.getByRole("img", { name: "Current logo" })).toBeVisible();
    const served = await page.request.get((await logo.getAttribute("src"))!);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("image/png");
    expect(served.headers()["etag"]).toBeTruthy();
    await screenshot(page, "program-logo");

    await logoField.setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("These are notes, not a picture.\n") });
    await page.getByRole("button", { name: "Upload logo" }).click();
    await expect(page.locator("#field-logo-error")).toHaveText("Upload a PNG or JPEG image.");
    await expect(logoField).toHaveAccessibleDescription(/Upload a PNG or JPEG image\./);
    await expect(logo).toHaveAttribute("src", /loyalty\/logos\/.*\?v=/);

    await logoField.setInputFiles({ name: "tiny.png", mimeType: "image/png", buffer: logoPng(60, 40) });
    await page.getByRole("button", { name: "Upload logo" }).click();
    await expect(page.locator("#field-logo-error")).toContainText("100 to 2000 pixels");
    await screenshot(page, "program-logo-error");

    await page.getByRole("button", { name: "Remove logo" }).click();
    await expect(page.getByText("Logo removed.")).toBeVisible();
    await expect(apple.locator("img")).toHaveCount(0);
  });

  test("without a program yet, the page creates one", async ({ page }) => {
    await openProgram(page, undefined);
    await expect(page.getByRole("heading", { level: 1, name: "Set up your loyalty program" })).toBeVisible();
    await page.getByLabel("Reward", { exact: true }).fill("A free smoothie");
    await page.getByLabel("Stamps for a reward").fill("8");
    await expect(page.getByRole("figure", { name: "The card in Apple Wallet" })).toContainText("6 / 8");
    await page.getByRole("button", { name: "Create the program" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Program" })).toBeVisible();
    await expect(page.getByLabel("Stamps for a reward")).toHaveValue("8");
    await expect(page.getByRole("heading", { name: "Logo" })).toBeVisible();
  });
});

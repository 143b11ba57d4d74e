import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { screenshot } from "./support/screenshot";
import { logIn, seedMerchant } from "./support/seed-merchant";

function decodeQr(bytes: Buffer): string | undefined {
  const png = PNG.sync.read(bytes);
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
}

/** Clicks a download link; returns the file's suggested name and bytes. */
async function download(page: Page, linkName: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test.describe("stores", () => {
  test("a store is created, edited, printed as a QR poster, gets a paired tablet, and is archived", async ({ page, browser, baseURL }) => {
    test.setTimeout(180_000);
    const businessName = `Boulangerie ${randomBytes(3).toString("hex")}`;
    const merchant = await seedMerchant({ program: "stamps", store: true, name: businessName });
    await logIn(page, merchant.owner);

    await page.goto("/dashboard/stores");
    await expect(page.getByRole("heading", { level: 1, name: "Stores" })).toBeVisible();
    const openStores = page.getByRole("region", { name: "Open stores" });
    await expect(openStores.getByRole("row", { name: /Main street/ })).toContainText(merchant.store!.code);
    await expect(openStores.getByRole("row", { name: /Main street/ })).toContainText(`/join/${merchant.store!.code}`);

    // A code that is too short is refused next to its field, and what was typed stays.
    const newStore = page.getByRole("region", { name: "Add a store" });
    await newStore.getByLabel("Store name").fill("Rue du Marché");
    await newStore.getByLabel("Address (optional)").fill("5 Rue du Marché, Esch-sur-Alzette");
    await newStore.getByLabel("Store code (optional)").fill("ab");
    await newStore.getByRole("button", { name: "Add store" }).click();
    const codeField = newStore.getByLabel("Store code (optional)");
    await expect(codeField).toHaveAttribute("aria-invalid", "true");
    await expect(codeField).toHaveAccessibleDescription(/Use 4 to 16 letters or digits\./);
    await expect(newStore.getByLabel("Store name")).toHaveValue("Rue du Marché");
    await screenshot(page, "stores-create-error");

    const code = `MKT${randomBytes(3).toString("hex").toUpperCase()}`;
    await codeField.fill(code.toLowerCase());
    // The connection drops on the way: the form says so and keeps what was typed (no error page).
    await page.route("**/dashboard/stores", (route) =>
      route.request().method() === "POST" ? route.abort("connectionreset") : route.continue(),
    );
    await newStore.getByRole("button", { name: "Add store" }).click();
    await expect(newStore.getByText("No answer from the server: check the connection.")).toBeVisible();
    await expect(newStore.getByLabel("Store name")).toHaveValue("Rue du Marché");
    await expect(codeField).toHaveValue(code.toLowerCase());
    await page.unroute("**/dashboard/stores");
    // Back online, the same form is sent and the action's redirect still leads to the new store.
    await newStore.getByRole("button", { name: "Add store" }).click();
    await expect(page).toHaveURL(/\/dashboard\/stores\/[0-9a-f-]{36}\?created=1$/);
    const storeUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1, name: "Rue du Marché" })).toBeVisible();
    await expect(page.getByText("Store added. Print its poster and pair a counter tablet below.")).toBeVisible();

    // Name and address change; the code shown stays (it is printed on the posters).
    const details = page.getByRole("region", { name: "Details" });
    const previewBefore = await page.getByRole("img", { name: "Preview of the poster in English" }).getAttribute("src");
    await expect(details.getByText(code, { exact: true })).toBeVisible();
    await expect(details.getByText("The code stays the same: printed posters carry it.")).toBeVisible();
    await details.getByLabel("Store name").fill("Marché couvert");
    await details.getByLabel("Address (optional)").fill("7 Place du Marché, Esch-sur-Alzette");
    await details.getByRole("button", { name: "Save" }).click();
    await expect(details.getByText("Saved.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Marché couvert" })).toBeVisible();

    // The poster: a preview that loads, and both files, whose QR opens the store's join page.
    const joinUrl = `${baseURL}/join/${code}`;
    const poster = page.getByRole("region", { name: "QR poster" });
    await expect(poster).toContainText(joinUrl);
    const preview = poster.getByRole("img", { name: "Preview of the poster in English" });
    await expect(preview).toBeVisible();
    // The edit shows in the preview at once: the browser is not left with the old image.
    await expect(preview).not.toHaveAttribute("src", previewBefore!);
    await expect
      .poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 })
      .toBeGreaterThan(500);
    await screenshot(page, "stores-detail");

    const png = await download(page, "Download PNG");
    expect(png.name).toBe(`poster-${code}-en.png`);
    expect(png.bytes.length).toBeGreaterThan(10_000);
    expect(decodeQr(png.bytes)).toBe(joinUrl);
    const pngResponse = await page.request.get(`${storeUrl}/poster.png?locale=en&download=1`);
    expect(pngResponse.headers()["content-type"]).toBe("image/png");
    expect(pngResponse.headers()["content-disposition"]).toBe(`attachment; filename="poster-${code}-en.png"`);

    await poster.getByLabel("Poster language").selectOption("fr");
    await expect(poster.getByRole("img", { name: "Preview of the poster in Français" })).toBeVisible();
    const pdf = await download(page, "Download PDF");
    expect(pdf.name).toBe(`poster-${code}-fr.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.bytes.length).toBeGreaterThan(10_000);
    const pdfResponse = await page.request.get(`${storeUrl}/poster.pdf?locale=fr&download=1`);
    expect(pdfResponse.headers()["content-type"]).toBe("application/pdf");
    expect(pdfResponse.headers()["content-disposition"]).toBe(`attachment; filename="poster-${code}-fr.pdf"`);

    // Pairing: a one-time link shown as a QR code and as text...
    const devices = page.getByRole("region", { name: "Counter tablets" });
    await expect(devices.getByText("No tablet paired yet.")).toBeVisible();
    await devices.getByRole("button", { name: "Pair a tablet" }).click();
    await expect(devices.getByRole("img", { name: "QR code of the pairing link" })).toBeVisible();
    const pairingUrl = (await devices.getByTestId("pairing-url").textContent())!;
    expect(pairingUrl).toMatch(new RegExp(`^${baseURL}/counter/pair/[\\w-]{43}$`));
    await screenshot(page, "stores-pairing-link");

    // ...opened on the tablet, a browser of its own.
    const tablet = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const tabletPage = await tablet.newPage();
    await tabletPage.goto(pairingUrl);
    await expect(tabletPage.getByRole("heading", { level: 1, name: "Pair this tablet" })).toBeVisible();
    await expect(tabletPage.getByText(`This tablet will become a counter of Marché couvert (${businessName})`)).toBeVisible();
    await tabletPage.getByRole("button", { name: "Pair this tablet" }).click();
    await expect(tabletPage.getByLabel("Name for this tablet")).toHaveAccessibleDescription(/This field is required\./);
    await tabletPage.getByLabel("Name for this tablet").fill("Counter 1");
    await screenshot(tabletPage, "counter-pairing");
    await tabletPage.getByRole("button", { name: "Pair this tablet" }).click();
    await expect(tabletPage.getByText(`This tablet is paired to Marché couvert of ${businessName}.`)).toBeVisible();
    await screenshot(tabletPage, "counter-paired");
    const cookie = (await tablet.cookies()).find((c) => c.name === "loyalty_counter_device");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
    expect(cookie!.value).toMatch(/^[\w-]{43}$/);
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(360 * 24 * 3600 * 1000);

    // The link is spent: opened again, it says so (and what the tablet is paired to).
    await tabletPage.reload();
    await expect(tabletPage.getByText("This pairing link was already used.", { exact: false })).toBeVisible();
    await tablet.close();

    // The dashboard notices the new tablet by itself.
    await expect(devices.getByText("The tablet is paired: it is in the list below.")).toBeVisible({ timeout: 20_000 });
    const row = devices.getByRole("row", { name: /Counter 1/ });
    await expect(row).toContainText("Olivia Owner");
    await screenshot(page, "stores-devices");

    await row.getByRole("button", { name: "Revoke" }).click();
    await expect(devices.getByText("Revoke Counter 1? It stops working at once.", { exact: false })).toBeFocused();
    await screenshot(page, "stores-revoke-confirm");
    await row.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(row).toContainText("Revoked");
    await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);

    // Archived: the page says what it means, and the list shows it apart.
    const archive = page.getByRole("region", { name: "Archive this store" });
    await archive.getByRole("button", { name: "Archive store…" }).click();
    await archive.getByRole("button", { name: "Yes, archive" }).click();
    await expect(page.getByText(/This store was archived on .*Customers cannot join here/)).toBeVisible();
    await expect(page.getByRole("region", { name: "QR poster" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Restore store" })).toBeVisible();
    await screenshot(page, "stores-archived");

    await page.getByRole("link", { name: "All stores" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Stores" })).toBeVisible();
    const archivedSection = page.getByRole("region", { name: "Archived stores" });
    await expect(archivedSection.getByRole("link", { name: "Marché couvert" })).toBeVisible();
    await expect(archivedSection.getByText("Archived", { exact: true })).toBeVisible();
    await expect(openStores.getByRole("link", { name: "Main street" })).toBeVisible();
    await expect(openStores.getByRole("link", { name: "Marché couvert" })).toHaveCount(0);
    await screenshot(page, "stores-list");
  });

  test("another merchant's store and its poster are not found; a poster without a session leads to the login", async ({
    page,
    browser,
  }) => {
    const [merchant, other] = await Promise.all([seedMerchant({ program: "points" }), seedMerchant({ store: true })]);
    await logIn(page, merchant.owner);
    const theirs = `/dashboard/stores/${other.store!.id}`;

    expect((await page.goto(theirs))?.status()).toBe(404);
    expect((await page.request.get(`${theirs}/poster.png`)).status()).toBe(404);
    expect((await page.request.get(`${theirs}/poster.pdf`)).status()).toBe(404);
    expect((await page.goto("/dashboard/stores/not-a-store"))?.status()).toBe(404);

    const anonymous = await browser.newContext();
    const response = await anonymous.request.get(`${theirs}/poster.pdf`, { maxRedirects: 0 });
    expect(response.status()).toBeGreaterThanOrEqual(300);
    expect(response.status()).toBeLessThan(400);
    expect(response.headers()["location"]).toContain("/login");
    await anonymous.close();
  });
});

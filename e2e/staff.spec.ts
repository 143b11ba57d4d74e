import { expect, test, type APIRequestContext } from "@playwright/test";
import { screenshot } from "./support/screenshot";
import { logIn, seedMerchant } from "./support/seed-merchant";

type Problem = { code: string };

/** A stamp through the vendor API, as a till would send it for a chosen staff member. */
function stamp(
  request: APIRequestContext,
  apiKey: string,
  body: { cardNumber: string; storeId: string; staffId: string; staffPin: string },
) {
  return request.post("/api/v1/vendor/loyalty/stamp", { headers: { authorization: `Bearer ${apiKey}` }, data: body });
}

test("an owner adds staff with PINs shown once, changes a PIN, unlocks a locked PIN and deactivates a staff member", async ({ page }) => {
  const merchant = await seedMerchant({ program: "stamps", store: true, apiKey: true });
  const store = merchant.store!;
  await logIn(page, merchant.owner);

  await page.goto("/dashboard/staff");
  await expect(page.getByRole("heading", { level: 1, name: "Staff" })).toBeVisible();
  await expect(page.getByText("No staff members yet. Add the first one below.")).toBeVisible();
  // The only open store is ticked already.
  await expect(page.getByRole("checkbox", { name: store.name })).toBeChecked();

  // Sam, with a PIN typed by the owner: shown once, in the box.
  await page.getByLabel("Name").fill("Sam");
  await page.getByRole("textbox", { name: "PIN", exact: true }).fill("402913");
  await page.getByRole("button", { name: "Add staff member" }).click();
  const shown = page.getByRole("region", { name: "Sam is on the team" });
  await expect(shown).toContainText("Give this PIN to Sam. It will not be shown again.");
  await expect(shown.getByLabel("PIN")).toHaveText("402913");
  await expect(page.getByRole("heading", { name: "Sam is on the team" })).toBeFocused();
  // The form is empty again for the next person.
  await expect(page.getByLabel("Name")).toHaveValue("");
  await expect(page.getByRole("textbox", { name: "PIN", exact: true })).toHaveValue("");
  const samRow = page.getByRole("row", { name: /^Sam/ });
  await expect(samRow).toContainText(store.name);
  await expect(samRow).toContainText("Never");
  await expect(samRow).toContainText("Active");
  await screenshot(page, "staff-pin-shown");

  await page.reload();
  await expect(page.getByRole("row", { name: /^Sam/ })).toBeVisible();
  expect(await page.content()).not.toContain("402913");

  // The same PIN for Alex: refused, next to the PIN field, with what was typed kept.
  await page.getByLabel("Name").fill("Alex");
  const pinField = page.getByRole("textbox", { name: "PIN", exact: true });
  await pinField.fill("402913");
  await page.getByRole("button", { name: "Add staff member" }).click();
  await expect(pinField).toHaveAccessibleDescription(/Another active staff member already uses this PIN\./);
  await expect(page.locator("#field-pin-error")).toHaveText("Another active staff member already uses this PIN.");
  await expect(page.getByLabel("Name")).toHaveValue("Alex");
  await screenshot(page, "staff-duplicate-pin");

  // "Generate" fills a PIN that passes the policy.
  await page.getByRole("button", { name: "Generate" }).click();
  const generated = await pinField.inputValue();
  expect(generated).toMatch(/^\d{6}$/);
  await page.getByRole("button", { name: "Add staff member" }).click();
  await expect(page.getByRole("region", { name: "Alex is on the team" }).getByLabel("PIN")).toHaveText(generated);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("region", { name: "Alex is on the team" })).toHaveCount(0);
  expect(await page.content()).not.toContain(generated);

  // Sam's own page: a new PIN, shown once.
  await page.getByRole("link", { name: "Manage Sam" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sam" })).toBeVisible();
  const samId = page.url().split("/").pop()!;
  await page.getByLabel("New PIN").fill("551208");
  await page.getByRole("button", { name: "Change PIN" }).click();
  await expect(page.getByRole("region", { name: "Sam's new PIN" }).getByLabel("New PIN")).toHaveText("551208");
  await screenshot(page, "staff-member-new-pin");
  await page.reload();
  expect(await page.content()).not.toContain("551208");

  // A till sends wrong PINs for Sam (the old one among them) until the PIN locks.
  const headers = { authorization: `Bearer ${merchant.apiKey}` };
  const enrolled = await page.request.post("/api/v1/vendor/loyalty/cards/enroll", {
    headers,
    data: { storeId: store.id, customer: { name: "Journey" }, emailConsent: false },
  });
  expect(enrolled.status()).toBe(201);
  const { card } = (await enrolled.json()) as { card: { cardNumber: string } };
  const attempt = { cardNumber: card.cardNumber, storeId: store.id, staffId: samId };
  for (const wrong of ["402913", "000111", "000222", "000333", "000444"]) {
    const answer = await stamp(page.request, merchant.apiKey!, { ...attempt, staffPin: wrong });
    expect(answer.status()).toBe(401);
    expect(((await answer.json()) as Problem).code).toBe("PIN_INVALID");
  }
  const locked = await stamp(page.request, merchant.apiKey!, { ...attempt, staffPin: "551208" });
  expect(locked.status()).toBe(423);

  await page.goto("/dashboard/staff");
  await expect(page.getByRole("row", { name: /^Sam/ })).toContainText(/Locked until \d{1,2}:\d{2}\s?[AP]M after 5 wrong PINs/);
  await screenshot(page, "staff-locked");
  await page.getByRole("button", { name: "Unlock Sam" }).click();
  await expect(page.getByRole("row", { name: /^Sam/ })).toContainText("Active");
  await expect(page.getByRole("button", { name: "Unlock Sam" })).toHaveCount(0);

  // Unlocked, the new PIN works, and the stamp shows as Sam's last activity.
  const stamped = await stamp(page.request, merchant.apiKey!, { ...attempt, staffPin: "551208" });
  expect(stamped.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("row", { name: /^Sam/ }).getByRole("cell").nth(1)).not.toHaveText("Never");

  // Deactivating asks first, then the PIN stops working at once.
  await page.getByRole("link", { name: "Manage Sam" }).click();
  await page.getByRole("button", { name: "Deactivate Sam…" }).click();
  await expect(page.getByText("Deactivate Sam? Their PIN stops working at once.")).toBeFocused();
  await screenshot(page, "staff-deactivate-confirm");
  await page.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(page.getByText("Sam is deactivated: their PIN no longer works.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Change PIN" })).toHaveCount(0);
  const refused = await stamp(page.request, merchant.apiKey!, { ...attempt, staffPin: "551208" });
  expect(refused.status()).toBe(404);

  // Active staff first: Alex, then Sam, deactivated.
  await page.goto("/dashboard/staff");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("Alex");
  await expect(rows.nth(2)).toContainText("Sam");
  await expect(rows.nth(2)).toContainText("Deactivated");
  await screenshot(page, "staff-list");
});

test("the staff page points to Stores when there is no open store", async ({ page }) => {
  const merchant = await seedMerchant({ program: "stamps" });
  await logIn(page, merchant.owner);
  await page.goto("/dashboard/staff");
  await expect(page.getByText("You have no open store yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Add a store" })).toHaveAttribute("href", "/dashboard/stores");
  await expect(page.getByRole("button", { name: "Add staff member" })).toHaveCount(0);
  await screenshot(page, "staff-no-store");
});

test("another merchant's staff member is not found", async ({ page }) => {
  const other = await seedMerchant({ store: true, staffPin: "402913" });
  const merchant = await seedMerchant();
  await logIn(page, merchant.owner);
  const answer = await page.goto(`/dashboard/staff/${other.staff!.id}`);
  expect(answer?.status()).toBe(404);
  await expect(page.getByText(other.staff!.name)).toHaveCount(0);
});

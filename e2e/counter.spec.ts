import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, expect, test, type APIRequestContext, type Page } from "@playwright/test";
import QRCode from "qrcode";
import { CHROMIUM_ARGS, findChromium } from "../test/find-chromium";
import { screenshot } from "./support/screenshot";
import { pairTablet, TABLET } from "./support/pair-tablet";
import { seedMerchant, type SeededMerchant } from "./support/seed-merchant";

const PHONE = { width: 390, height: 844 };

type Card = { cardNumber: string; qrCode: string; cardUrl: string; stampCount: number; pointsBalance: number };

/** Calls the merchant's vendor API with its key (to set the scene and check balances). */
function vendor(request: APIRequestContext, merchant: SeededMerchant) {
  const headers = { authorization: `Bearer ${merchant.apiKey}` };
  return {
    async enroll(name: string, email?: string): Promise<Card> {
      const response = await request.post("/api/v1/vendor/loyalty/cards/enroll", {
        headers,
        data: { storeId: merchant.store!.id, customer: { name, ...(email ? { email } : {}) } },
      });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { card: Card }).card;
    },
    async card(cardNumber: string): Promise<Card> {
      const response = await request.post("/api/v1/vendor/loyalty/cards/lookup", { headers, data: { cardNumber } });
      expect(response.ok()).toBe(true);
      return ((await response.json()) as { card: Card }).card;
    },
    async transactions(cardNumber: string): Promise<{ type: string }[]> {
      const response = await request.get(`/api/v1/vendor/loyalty/cards/${cardNumber}/transactions`, { headers });
      return ((await response.json()) as { transactions: { type: string }[] }).transactions;
    },
    async program(changes: Record<string, unknown>): Promise<void> {
      expect((await request.patch("/api/v1/vendor/loyalty/program", { headers, data: changes })).ok()).toBe(true);
    },
    async reward(name: string, pointsCost: number): Promise<void> {
      expect((await request.post("/api/v1/vendor/loyalty/program/rewards", { headers, data: { name, pointsCost } })).status()).toBe(201);
    },
  };
}

async function openByNumber(tablet: Page, cardNumber: string): Promise<void> {
  await tablet.getByRole("tab", { name: "Card number" }).click();
  await tablet.getByLabel("Card number (12 digits)").fill(cardNumber);
  await tablet.getByRole("button", { name: "Open the card" }).click();
  await expect(tablet.getByRole("region", { name: "Card" })).toBeVisible();
}

async function pressDigits(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByRole("button", { name: digit, exact: true }).click();
}

async function typePin(page: Page, pin: string, submit: string): Promise<void> {
  await pressDigits(page, pin);
  await page.getByRole("button", { name: submit }).click();
}

async function unlockAs(tablet: Page, name: string, pin: string): Promise<void> {
  await expect(tablet.getByRole("heading", { name: "Who is serving? Tap your name." })).toBeVisible();
  await tablet.getByRole("button", { name }).click();
  await expect(tablet.getByRole("heading", { name: `PIN for ${name}` })).toBeVisible();
  await typePin(tablet, pin, "Unlock");
}

test.describe("counter", () => {
  test("an unpaired tablet says how to pair; a paired one finds cards by number and by name, stamps with a PIN, and refuses a second stamp during the cooldown", async ({
    browser,
    page,
  }) => {
    test.setTimeout(120_000);
    const merchant = await seedMerchant({ program: "stamps", store: true, staffPin: "482916", manager: true, apiKey: true });
    const api = vendor(page.request, merchant);
    const ada = await api.enroll("Ada Lovelace", `ada-${merchant.merchantId.slice(0, 8)}@example.com`);
    const grace = await api.enroll("Grace Hopper");

    const stranger = await browser.newContext({ viewport: TABLET });
    const unpaired = await stranger.newPage();
    await unpaired.goto("/counter");
    await expect(unpaired.getByRole("heading", { level: 1, name: "This tablet is not paired yet" })).toBeVisible();
    await expect(unpaired.getByText(/choose "Pair a tablet"/)).toBeVisible();
    await screenshot(unpaired, "counter-unpaired");
    await stranger.close();

    const tablet = await pairTablet(browser, merchant, { shots: true });
    await screenshot(tablet, "counter-find");

    // The number is checked as it is typed: a wrong digit is caught before anything is sent.
    await tablet.getByRole("tab", { name: "Card number" }).click();
    const field = tablet.getByLabel("Card number (12 digits)");
    await field.fill(ada.cardNumber.slice(0, 8));
    await expect(tablet.getByText("4 digits to go.")).toBeVisible();
    const wrongLast = String((Number(ada.cardNumber.at(-1)) + 1) % 10);
    await field.fill(ada.cardNumber.slice(0, 11) + wrongLast);
    await expect(tablet.getByText("This number is not valid: a digit is wrong.", { exact: false })).toBeVisible();
    await expect(tablet.getByRole("button", { name: "Open the card" })).toBeDisabled();
    await screenshot(tablet, "counter-number-invalid");
    await field.fill(ada.cardNumber);
    await expect(tablet.getByText("The number is valid.")).toBeVisible();
    await tablet.getByRole("button", { name: "Open the card" }).click();
    const card = tablet.getByRole("region", { name: "Card" });
    await expect(card.getByRole("heading", { name: "Ada" })).toBeVisible();
    await expect(card.getByRole("img", { name: "0 of 10 stamps" })).toBeVisible();
    // Enrolling was the first visit.
    await expect(card).toContainText(/Last visit\d+ seconds? ago/);

    // Stamp: the staff member picks their tile and types the PIN; the stamp follows at once.
    await tablet.getByRole("button", { name: "Add a stamp" }).click();
    await screenshot(tablet, "counter-staff-tiles");
    await tablet.getByRole("button", { name: "Sam Staff" }).click();
    await pressDigits(tablet, "4829");
    await expect(tablet.getByLabel("PIN", { exact: true })).toHaveValue("4829");
    await expect(tablet.getByLabel("PIN", { exact: true })).toHaveAttribute("type", "password");
    await screenshot(tablet, "counter-pin-pad");
    await typePin(tablet, "16", "Unlock");
    await expect(tablet.getByRole("status").filter({ hasText: "Stamp added: 1 of 10." })).toBeVisible();
    await expect(card.getByRole("img", { name: "1 of 10 stamps" })).toBeVisible();
    await expect(tablet.getByText("Serving: Sam Staff")).toBeVisible();
    await screenshot(tablet, "counter-stamped");
    // The PIN is nowhere in the browser once sent.
    const stored = await tablet.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
    );
    expect(stored).not.toContain("482916");
    const staffCookie = (await tablet.context().cookies()).find((cookie) => cookie.name === "loyalty_counter_staff");
    expect(staffCookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/counter" });

    // A second stamp at once: the cooldown, with the time of the next possible stamp.
    await tablet.getByRole("button", { name: "Add a stamp" }).click();
    await expect(
      tablet.getByRole("alert").filter({ hasText: /Too soon after the last stamp: next stamp possible at \d{1,2}:\d{2}( [AP]M)?\./ }),
    ).toBeVisible();
    await screenshot(tablet, "counter-cooldown");
    expect((await api.card(ada.cardNumber)).stampCount).toBe(1);

    // Search by name for a customer without a phone.
    await tablet.getByRole("button", { name: "Next customer" }).click();
    await tablet.getByRole("tab", { name: "Search" }).click();
    await tablet.getByLabel("Customer's name, email or phone").fill("Hopp");
    const results = tablet.getByRole("list", { name: "Customers found" });
    await expect(results.getByRole("button", { name: /Grace/ })).toBeVisible();
    await expect(results.getByRole("button", { name: /Ada/ })).toHaveCount(0);
    await screenshot(tablet, "counter-search");
    await results.getByRole("button", { name: /Grace/ }).click();
    await expect(card.getByRole("heading", { name: "Grace" })).toBeVisible();
    expect(grace.cardNumber).toBeTruthy();
    await tablet.getByRole("button", { name: "Add a stamp" }).click();
    await expect(tablet.getByRole("status").filter({ hasText: "Stamp added: 1 of 10." })).toBeVisible();

    // Lock ends the session at once: the next action asks for a PIN again.
    await tablet.getByRole("button", { name: "Lock" }).click();
    await expect(tablet.getByText("Locked. The next action asks for a PIN.")).toBeVisible();
    await tablet.getByRole("button", { name: "Next customer" }).click();
    await openByNumber(tablet, ada.cardNumber);
    await tablet.getByRole("button", { name: "Add a stamp" }).click();
    await expect(tablet.getByRole("heading", { name: "Who is serving? Tap your name." })).toBeVisible();
  });

  test("a full card is redeemed, with the reward banner when the target is reached; the daily limit says when the next stamp is possible", async ({
    browser,
    page,
  }) => {
    const merchant = await seedMerchant({ program: "stamps", store: true, staffPin: "5173", apiKey: true });
    const api = vendor(page.request, merchant);
    await api.program({ stampsTarget: 3, cooldownMinutes: 0, maxDailyStamps: 10 });
    const ada = await api.enroll("Ada Lovelace");
    const tablet = await pairTablet(browser, merchant);
    await openByNumber(tablet, ada.cardNumber);
    await tablet.getByRole("button", { name: "Add a stamp" }).click();
    // With a keyboard: the PIN typed into the masked field, sent with Enter.
    await tablet.getByRole("button", { name: "Sam Staff" }).focus();
    await tablet.keyboard.press("Enter");
    await tablet.keyboard.type("5173");
    await expect(tablet.getByLabel("PIN", { exact: true })).toBeFocused();
    await tablet.keyboard.press("Enter");
    await expect(tablet.getByRole("status").filter({ hasText: "Stamp added: 1 of 3." })).toBeVisible();
    await tablet.getByRole("button", { name: "Add a stamp" }).click();
    await expect(tablet.getByRole("status").filter({ hasText: "Stamp added: 2 of 3." })).toBeVisible();
    await tablet.getByRole("button", { name: "Add a stamp" }).click();
    await expect(tablet.getByText("Reward reached: A free coffee! The card is full (3 of 3).")).toBeVisible();
    await expect(tablet.getByText("Full card: A free coffee is ready.")).toBeVisible();
    await screenshot(tablet, "counter-reward-reached");
    await tablet.getByRole("button", { name: "Redeem the full card: A free coffee" }).click();
    await expect(tablet.getByText("Reward redeemed: A free coffee. The card now has 0 stamps.")).toBeVisible();
    await expect(tablet.getByRole("img", { name: "0 of 3 stamps" })).toBeVisible();
    await expect(tablet.getByRole("button", { name: "Add a stamp" })).toBeVisible();
    // Three stamps today: with a daily limit of 3 the next one waits for tomorrow, and the counter says so.
    await api.program({ maxDailyStamps: 3 });
    await tablet.getByRole("button", { name: "Add a stamp" }).click();
    await expect(tablet.getByText(/^Today's stamp limit is reached: next stamp possible at .+\.$/)).toBeVisible();
    await screenshot(tablet, "counter-daily-limit");
    const card = await api.card(ada.cardNumber);
    expect(card.stampCount).toBe(0);
    expect((await api.transactions(ada.cardNumber)).map((entry) => entry.type).sort()).toEqual([
      "stamp_earned",
      "stamp_earned",
      "stamp_earned",
      "stamp_reward_redeemed",
    ]);
  });

  test("a purchase earns points typed on the keypad, and a catalog reward the balance covers is redeemed", async ({ browser, page }) => {
    const merchant = await seedMerchant({ program: "points", store: true, staffPin: "6402", apiKey: true });
    const api = vendor(page.request, merchant);
    await api.program({ pointsPerEuro: 2 });
    await api.reward("Croissant", 20);
    await api.reward("Cake", 500);
    const bob = await api.enroll("Bob Marley");
    const tablet = await pairTablet(browser, merchant);
    // A tablet held upright: nothing wider than the screen.
    await tablet.setViewportSize({ width: 820, height: 1180 });
    await openByNumber(tablet, bob.cardNumber);
    expect(await tablet.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
    await expect(tablet.getByRole("region", { name: "Card" })).toContainText("0 points");
    await tablet.getByRole("button", { name: "Add a purchase" }).click();
    for (const key of ["1", "2", "5", "0"]) await tablet.getByRole("button", { name: key, exact: true }).click();
    await expect(tablet.getByLabel("Amount in euros")).toHaveValue("€12.50");
    await expect(tablet.getByText("25 points for this purchase")).toBeVisible();
    await screenshot(tablet, "counter-purchase");
    await tablet.getByRole("button", { name: "Add 25 points" }).click();
    await unlockAs(tablet, "Sam Staff", "6402");
    await expect(tablet.getByText("+25 points. New balance: 25.")).toBeVisible();
    await screenshot(tablet, "counter-points-portrait");
    await expect(tablet.getByRole("button", { name: "Redeem Cake (500 points)" })).toHaveCount(0);
    await tablet.getByRole("button", { name: "Redeem Croissant (20 points)" }).click();
    await expect(tablet.getByText("Croissant redeemed. 5 points left.")).toBeVisible();
    await screenshot(tablet, "counter-reward-redeemed");
    expect((await api.card(bob.cardNumber)).pointsBalance).toBe(5);
  });

  test("the staff session serves a queue with one PIN and locks itself after 5 idle minutes", async ({ browser, page }) => {
    const merchant = await seedMerchant({ program: "stamps", store: true, staffPin: "7391", apiKey: true });
    const api = vendor(page.request, merchant);
    const cards = [await api.enroll("Ana One"), await api.enroll("Ben Two"), await api.enroll("Cy Three")];
    const tablet = await pairTablet(browser, merchant);
    // The test drives the tablet's clock: five minutes pass without waiting for them.
    await tablet.clock.install();
    await tablet.reload();
    for (const [index, card] of cards.entries()) {
      await openByNumber(tablet, card.cardNumber);
      await tablet.getByRole("button", { name: "Add a stamp" }).click();
      if (index === 0) await unlockAs(tablet, "Sam Staff", "7391");
      await expect(tablet.getByRole("status").filter({ hasText: "Stamp added: 1 of 10." })).toBeVisible();
      await tablet.getByRole("button", { name: "Next customer" }).click();
    }
    await expect(tablet.getByText("Serving: Sam Staff")).toBeVisible();
    await tablet.clock.fastForward("04:30");
    await expect(tablet.getByText("Serving: Sam Staff")).toBeVisible();
    await tablet.clock.fastForward("00:31");
    await expect(tablet.getByText("Locked after 5 minutes without activity.")).toBeVisible();
    await expect(tablet.getByText("Serving: Sam Staff")).toHaveCount(0);
    await screenshot(tablet, "counter-idle-locked");
    // The server ended the session too: a stamp asks for the PIN again.
    const fresh = await api.enroll("Di Four");
    await openByNumber(tablet, fresh.cardNumber);
    await tablet.getByRole("button", { name: "Add a stamp" }).click();
    await expect(tablet.getByRole("heading", { name: "Who is serving? Tap your name." })).toBeVisible();
    expect((await api.card(fresh.cardNumber)).stampCount).toBe(0);
  });

  test("wrong PINs say how many attempts are left, and the fifth locks the PIN", async ({ browser, page }) => {
    const merchant = await seedMerchant({ program: "stamps", store: true, staffPin: "2468", apiKey: true });
    const api = vendor(page.request, merchant);
    const ada = await api.enroll("Ada Lovelace");
    const tablet = await pairTablet(browser, merchant);
    await openByNumber(tablet, ada.cardNumber);
    await tablet.getByRole("button", { name: "Add a stamp" }).click();
    await tablet.getByRole("button", { name: "Sam Staff" }).click();
    for (const left of [4, 3, 2]) {
      await typePin(tablet, "1111", "Unlock");
      await expect(tablet.getByRole("alert").filter({ hasText: `Wrong PIN. ${left} attempts left.` })).toBeVisible();
    }
    await screenshot(tablet, "counter-wrong-pin");
    await typePin(tablet, "1111", "Unlock");
    await expect(tablet.getByRole("alert").filter({ hasText: "Wrong PIN. 1 attempt left." })).toBeVisible();
    await typePin(tablet, "1111", "Unlock");
    await expect(
      tablet
        .getByRole("alert")
        .filter({ hasText: /This PIN is locked until \d{1,2}:\d{2}( [AP]M)?\. The owner or a manager can unlock it/ }),
    ).toBeVisible();
    // Even the right PIN is refused now.
    await typePin(tablet, "2468", "Unlock");
    await expect(tablet.getByRole("alert").filter({ hasText: "This PIN is locked until" })).toBeVisible();
    await screenshot(tablet, "counter-pin-locked");
    expect((await api.card(ada.cardNumber)).stampCount).toBe(0);
  });

  test("a purchase whose answer is lost is counted once: Try again, or the same purchase typed again, gets the first answer", async ({
    browser,
    page,
  }) => {
    const merchant = await seedMerchant({ program: "points", store: true, staffPin: "5318", apiKey: true });
    const api = vendor(page.request, merchant);
    await api.program({ pointsPerEuro: 2 });
    const eve = await api.enroll("Eve Kieffer");
    const tablet = await pairTablet(browser, merchant);
    // The next purchase reaches the server and is recorded, then the connection drops before its answer.
    let dropNext = true;
    await tablet.route("**/counter", async (route) => {
      if (dropNext && route.request().method() === "POST" && route.request().postData()?.includes('"kind":"earnPoints"')) {
        dropNext = false;
        expect((await route.fetch()).status()).toBe(200);
        await route.abort("connectionreset");
        return;
      }
      await route.continue();
    });
    const purchase = async (keys: string[], button: string) => {
      await tablet.getByRole("button", { name: "Add a purchase" }).click();
      for (const key of keys) await tablet.getByRole("button", { name: key, exact: true }).click();
      await tablet.getByRole("button", { name: button }).click();
    };
    const unanswered = tablet.getByRole("alert").filter({ hasText: "No answer from the server: this may or may not have been recorded." });

    await openByNumber(tablet, eve.cardNumber);
    await purchase(["1", "2", "5", "0"], "Add 25 points");
    await unlockAs(tablet, "Sam Staff", "5318");
    await expect(unanswered).toBeVisible();
    // The card is read again: it shows the purchase went through.
    await expect(tablet.getByRole("region", { name: "Card" })).toContainText("25 points");
    await screenshot(tablet, "counter-unanswered");
    expect((await api.card(eve.cardNumber)).pointsBalance).toBe(25);
    await tablet.getByRole("button", { name: "Try again" }).click();
    await expect(tablet.getByText("+25 points. New balance: 25.")).toBeVisible();
    await expect(tablet.getByRole("button", { name: "Try again" })).toHaveCount(0);
    expect(await api.transactions(eve.cardNumber)).toHaveLength(1);

    // Lost again; this time the staff member types the same purchase again instead of pressing Try again.
    dropNext = true;
    await purchase(["8", "0", "0"], "Add 16 points");
    await expect(unanswered).toBeVisible();
    await tablet.getByRole("button", { name: "Cancel" }).click();
    await purchase(["8", "0", "0"], "Add 16 points");
    await expect(tablet.getByText("+16 points. New balance: 41.")).toBeVisible();
    expect(await api.transactions(eve.cardNumber)).toHaveLength(2);

    // A different purchase after a lost answer is a new one.
    dropNext = true;
    await purchase(["1", "0", "0"], "Add 2 points");
    await expect(unanswered).toBeVisible();
    await tablet.getByRole("button", { name: "Cancel" }).click();
    await purchase(["2", "0", "0"], "Add 4 points");
    await expect(tablet.getByText("+4 points. New balance: 47.")).toBeVisible();
    expect((await api.card(eve.cardNumber)).pointsBalance).toBe(47);
    expect(await api.transactions(eve.cardNumber)).toHaveLength(4);
  });

  test("a double-submitted stamp (one idempotency key, two requests) adds one stamp", async ({ browser, page }) => {
    const merchant = await seedMerchant({ program: "stamps", store: true, staffPin: "9135", apiKey: true });
    const api = vendor(page.request, merchant);
    const ada = await api.enroll("Ada Lovelace");
    const tablet = await pairTablet(browser, merchant);
    await openByNumber(tablet, ada.cardNumber);
    await tablet.getByRole("button", { name: "Add a stamp" }).click();
    // The stamp request is sent twice, as a retry after a lost answer would; the tablet sees the second answer.
    let sent = 0;
    await tablet.route("**/counter", async (route) => {
      const request = route.request();
      if (request.method() === "POST" && request.postData()?.includes('"kind":"stamp"') && sent === 0) {
        sent += 2;
        const [first, second] = await Promise.all([route.fetch(), route.fetch()]);
        expect(first.status()).toBe(200);
        await route.fulfill({ response: second });
        return;
      }
      await route.continue();
    });
    await unlockAs(tablet, "Sam Staff", "9135");
    await expect(tablet.getByRole("status").filter({ hasText: "Stamp added: 1 of 10." })).toBeVisible();
    expect(sent).toBe(2);
    expect((await api.card(ada.cardNumber)).stampCount).toBe(1);
    expect(await api.transactions(ada.cardNumber)).toHaveLength(1);
  });

  test("the camera reads a card's QR code and opens the card", async ({ browser, page }) => {
    const merchant = await seedMerchant({ program: "stamps", store: true, staffPin: "3141", apiKey: true });
    const api = vendor(page.request, merchant);
    const ada = await api.enroll("Ada Lovelace");
    const tablet = await pairTablet(browser, merchant);
    const device = (await tablet.context().cookies()).find((cookie) => cookie.name === "loyalty_counter_device")!;

    // A video of the card's QR code, fed to Chromium as its camera.
    const file = path.join(mkdtempSync(path.join(tmpdir(), "counter-camera-")), "qr.y4m");
    writeFileSync(file, qrVideo(ada.qrCode));
    const camera = await chromium.launch({
      executablePath: findChromium() ?? undefined,
      args: [
        ...CHROMIUM_ARGS,
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        `--use-file-for-fake-video-capture=${file}`,
      ],
    });
    try {
      const context = await camera.newContext({ viewport: TABLET, baseURL: new URL(tablet.url()).origin });
      await context.addCookies([device]);
      const scanner = await context.newPage();
      await scanner.goto("/counter");
      await scanner.getByRole("tab", { name: "Scan" }).click();
      await expect(scanner.getByRole("region", { name: "Card" }).getByRole("heading", { name: "Ada" })).toBeVisible({ timeout: 20_000 });
      await screenshot(scanner, "counter-scanned");
    } finally {
      await camera.close();
    }
  });

  test("on the customer's phone, a staff PIN collects a stamp at this store", async ({ browser, page }) => {
    const merchant = await seedMerchant({ program: "stamps", store: true, staffPin: "8024", apiKey: true });
    const api = vendor(page.request, merchant);
    const ada = await api.enroll("Ada Lovelace");
    const pageToken = new URL(ada.cardUrl).pathname.split("/").at(-1)!;
    const origin = new URL(ada.cardUrl).origin;
    const collectUrl = `/join/${merchant.store!.code}/collect`;

    // A phone without a card of this merchant is sent to join.
    const empty = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const emptyPage = await empty.newPage();
    await emptyPage.goto(collectUrl);
    await expect(emptyPage.getByText(/This phone holds no card of .* yet\./)).toBeVisible();
    await expect(emptyPage.getByRole("link", { name: /^Join / })).toHaveAttribute("href", `/join/${merchant.store!.code}`);
    await screenshot(emptyPage, "collect-no-card");
    await empty.close();

    const phone = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    await phone.addCookies([{ name: "loyalty_held_cards", value: pageToken, url: origin }]);
    const mobile = await phone.newPage();
    await mobile.goto(collectUrl);
    await expect(mobile.getByRole("heading", { level: 1, name: "Collect a stamp here" })).toBeVisible();
    await expect(mobile.getByRole("heading", { name: "Ada's card" })).toBeVisible();
    await expect(mobile.getByRole("img", { name: "0 of 10 stamps" })).toBeVisible();
    await screenshot(mobile, "collect-card");
    await mobile.getByRole("button", { name: "Collect a stamp here" }).click();
    await typePin(mobile, "1357", "Add the stamp");
    await expect(mobile.getByRole("alert").filter({ hasText: "Wrong PIN. 4 attempts left." })).toBeVisible();
    await screenshot(mobile, "collect-wrong-pin");
    await typePin(mobile, "8024", "Add the stamp");
    await expect(mobile.getByText("Stamp added at Main street: 1 of 10.")).toBeVisible();
    await expect(mobile.getByRole("img", { name: "1 of 10 stamps" })).toBeVisible();
    await screenshot(mobile, "collect-stamped");
    expect((await api.card(ada.cardNumber)).stampCount).toBe(1);
    await phone.close();
  });
});

/** A short YUV4MPEG2 video (Chromium's fake camera format) of a QR code, black on white: 4:2:0 frames, 10 fps. */
function qrVideo(text: string): Buffer {
  const width = 640;
  const height = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const modules = qr.modules.size;
  const scale = Math.floor(360 / (modules + 8));
  const left = Math.floor((width - modules * scale) / 2);
  const top = Math.floor((height - modules * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < modules; y++) {
    for (let x = 0; x < modules; x++) {
      if (!qr.modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++)
        luma.fill(16, (top + y * scale + dy) * width + left + x * scale, (top + y * scale + dy) * width + left + (x + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  return Buffer.concat([
    Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`),
    ...Array.from({ length: 10 }, () => frame),
  ]);
}

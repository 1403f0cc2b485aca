import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * Cookie consent in real Chromium on a fresh profile: only strictly necessary
 * cookies before a choice, the banner works without JavaScript, Global
 * Privacy Control is honoured and said, and the pages are accessible at 360 px.
 */

const NECESSARY = ["kapatiran_session", "lng", "consent", "data_saver"];
const PUBLIC_PAGES = ["/", "/help", "/help/faq", "/help/getting-started", "/privacy", "/cookies"];

async function accessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("a fresh browser gets only strictly necessary cookies on every public page", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  for (const path of PUBLIC_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const names = (await context.cookies()).map((cookie) => cookie.name);
    expect(
      names.filter((name) => !NECESSARY.includes(name)),
      path
    ).toEqual([]);
  }
  // Nothing was chosen yet, so nothing was stored either.
  expect((await context.cookies()).map((c) => c.name)).not.toContain("consent");
  await context.close();
});

test("choosing 'preferences only' without JavaScript hides the banner", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/help");
  const banner = page.getByRole("region", { name: "Cookies on Kapatiran" });
  await expect(banner).toBeVisible();
  await banner.getByRole("link", { name: "Choose cookies" }).click();
  await expect(page).toHaveURL(/\/cookies\?returnTo=%2Fhelp$/);
  await page.getByRole("checkbox", { name: "Preferences" }).check();
  await page.getByRole("button", { name: "Save choices" }).click();
  await expect(page.getByRole("status")).toContainText("Your cookie choice is saved.");
  const consent = (await context.cookies()).find((cookie) => cookie.name === "consent");
  expect(consent?.value).toMatch(/^[A-Za-z0-9_-]{22}\.2\.10$/);
  expect(consent?.httpOnly).toBe(true);
  await page.getByRole("link", { name: "Back to where you were" }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole("region", { name: "Cookies on Kapatiran" })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Preferences" })).toHaveCount(0);
  await page.goto("/cookies");
  await expect(page.getByRole("checkbox", { name: "Preferences" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Analytics" })).not.toBeChecked();
  await context.close();
});

test("the banner's 'Only necessary' works without JavaScript and goes back to the page", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/help/faq");
  await page.getByRole("button", { name: "Only necessary" }).click();
  await expect(page).toHaveURL(/\/help\/faq$/);
  await expect(page.getByRole("region", { name: "Cookies on Kapatiran" })).toHaveCount(0);
  await context.close();
});

test("Global Privacy Control is honoured and explained", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "Sec-GPC": "1" }, locale: "en-US" });
  const page = await context.newPage();
  const message =
    "Your browser asked us not to track you (Global Privacy Control / Do Not Track), so only strictly necessary cookies are used.";
  await page.goto("/help");
  await expect(page.getByRole("region", { name: "Cookies on Kapatiran" })).toContainText(message);
  await expect(page.getByRole("button", { name: "Accept all" })).toHaveCount(0);
  await page.goto("/cookies");
  await expect(page.getByText(message)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Analytics" })).toBeDisabled();
  await page.getByRole("button", { name: "Save choices" }).click();
  const consent = (await context.cookies()).find((cookie) => cookie.name === "consent");
  expect(consent?.value).toMatch(/\.00$/);
  await context.close();
});

// One test per page: axe is slow on this machine, and each page gets its own time budget.
for (const path of ["/cookies", "/privacy", "/help"]) {
  test(`${path} (with the banner where it shows) is accessible and fits 360 px, in both languages`, async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "en-US" });
    const page = await context.newPage();
    for (const lng of ["en", "fil"]) {
      await page.goto(`${path}?lng=${lng}`);
      if (path === "/help") await expect(page.getByRole("region", { name: /cookie/i })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} ${lng}`).toBeLessThanOrEqual(0);
      await accessible(page);
    }
    await context.close();
  });
}

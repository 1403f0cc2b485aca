import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

/*
 * The help center as a member uses it, with JavaScript on and off (the pages
 * never hydrate, so both must work the same). The article is one of the
 * guides seeded by migration 0012.
 */
const ARTICLE = "Choosing who sees your details";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the help center with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, locale: "en-US" });

    test("a member searches help, opens the article and says it helped", async ({ page }) => {
      await signIn(page, "member@grace.example");
      await page.goto("/me/privacy");
      // The ? in the header leads to the guide about this page.
      await expect(page.getByRole("link", { name: "Help about this page" })).toHaveAttribute(
        "href",
        "/help/choosing-who-sees-your-details",
      );

      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Help", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help center");
      await page.getByLabel("Search help").fill("privacy");
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(/\/help\?q=privacy/);
      await expect(page.getByRole("heading", { name: "Results for “privacy”" })).toBeVisible();
      await page.getByRole("link", { name: ARTICLE, exact: true }).click();

      await expect(page).toHaveURL(/\/help\/choosing-who-sees-your-details$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(ARTICLE);
      await expect(page.getByRole("heading", { name: "Was this helpful?" })).toBeVisible();
      await page.getByLabel("Anything we should add or fix? (optional)").fill("The preview made it clear.");
      await page.getByRole("button", { name: "Yes", exact: true }).click();
      await expect(page).toHaveURL(/feedback=thanks/);
      await expect(page.getByRole("status")).toHaveText(/Thank you for your feedback/);
    });
  });
}

test("help pages meet WCAG 2.1 AA as far as axe can tell, and fit 360 px", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  for (const path of [
    "/help",
    "/help?q=privacy",
    "/help?q=zxnothingmatches",
    "/help/faq",
    "/help/choosing-who-sees-your-details",
    "/help/choosing-who-sees-your-details?lng=fil",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.help}`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  // With every FAQ answer open, too.
  await page.goto("/help/faq");
  for (const summary of await page.locator("summary").all()) await summary.click();
  const open = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(open.violations.map((v) => `/help/faq (open) ${v.id}: ${v.help}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await context.close();
});

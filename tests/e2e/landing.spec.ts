import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.describe("landing page", () => {
  test("speaks English by default", async ({ page }) => {
    await page.setExtraHTTPHeaders({ "Accept-Language": "en-US,en;q=0.9" });
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your church family, close at hand");
    await expect(page.getByRole("link", { name: "Privacy" })).toBeVisible();
  });

  test("speaks Filipino to a Filipino browser", async ({ browser }) => {
    const context = await browser.newContext({ locale: "fil-PH" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "fil");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ang iyong pamilya sa simbahan, abot-kamay");
    await context.close();
  });

  test("the language switcher works without JavaScript and is remembered", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("button", { name: "Filipino" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fil");
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "fil");
    await expect(page.getByRole("button", { name: "Filipino" })).toHaveAttribute("aria-pressed", "true");
    await context.close();
  });

  test("ships no JavaScript it does not need: only the 2 KB /ops.js (client errors, and page timing with consent)", async ({
    page,
  }) => {
    await page.goto("/");
    const scripts = await page.locator("script").evaluateAll((elements) =>
      elements.map((element) => ({ src: element.getAttribute("src"), inline: element.textContent?.trim() ?? "" })),
    );
    expect(scripts).toEqual([{ src: "/ops.js", inline: "" }]);
  });

  test("fits a 360 px phone without sideways scrolling", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto("/?lng=fil");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  test("meets WCAG 2.1 AA as far as axe can tell, in both languages", async ({ page }) => {
    for (const lng of ["en", "fil"]) {
      await page.goto(`/?lng=${lng}`);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    }
  });

  test("keyboard users can skip to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
  });
});

test.describe("errors", () => {
  test("an unknown page is a localized 404", async ({ page }) => {
    const english = await page.goto("/no-such-page?lng=en");
    expect(english?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");

    const filipino = await page.goto("/no-such-page?lng=fil");
    expect(filipino?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hindi makita ang pahina");
  });
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the directory with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, locale: "en-US" });

    test("a member finds a misspelled, unaccented name and opens the card", async ({ page }) => {
      await signIn(page, "member@grace.example");
      await page.getByLabel("Search by name").fill("penaflr");
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(/q=penaflr/);
      const first = page.getByRole("link", { name: /Peñaflor/ }).first();
      await expect(first).toBeVisible();
      const name = (await first.textContent())!.trim();
      await first.click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
      await expect(page.getByRole("link", { name: "Back to the directory" })).toBeVisible();
    });
  });
}

test("directory, card and print view meet WCAG 2.1 AA as far as axe can tell, and fit 360 px", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signIn(page, "leader@grace.example");
  for (const path of ["/directory?q=santos", "/directory/print", "/me/privacy", "/directory?lng=fil"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.help}`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await context.close();
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

/**
 * The compliance report (issue 7, point 7) in Chromium: Grace's administrator
 * reads every section, in English and Filipino, on a 360 px phone, and axe
 * finds nothing. axe runs in the page, so this context has JavaScript (the
 * page itself never hydrates).
 */
test.use({ javaScriptEnabled: true, locale: "en-US", viewport: { width: 360, height: 740 } });

test("the compliance report shows every section, meets WCAG 2.1 AA as far as axe can tell, and fits 360 px", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "admin@grace.example");
  await page.goto("/admin/compliance?lng=en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compliance report: Grace Fellowship (demo)");
  for (const heading of [
    "Member records and accounts held",
    "Cookie consent",
    "Data requests",
    "Access to personal data",
    "Retention runs",
    "Where the data is stored and how it is protected",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(
    page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Compliance report" })
  ).toBeVisible();

  for (const path of [
    "/admin/compliance?lng=en",
    "/admin/compliance?lng=fil",
    "/admin/compliance?lng=fil&from=2026-05-01&to=2026-04-01",
  ]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.help}`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await expect(page.getByText("Ang simula ng panahon ay dapat kapareho o bago ng katapusan nito.")).toBeVisible();
});

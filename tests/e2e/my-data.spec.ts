import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/**
 * "Download my data" in Chromium with JavaScript off: a member finds it from
 * /me, clicks the JSON link, and the file the browser saves holds her e-mail
 * and her sessions. The page meets WCAG 2.1 AA (as far as axe can tell) and
 * fits a 360 px phone.
 */
test.use({ javaScriptEnabled: false, locale: "en-US" });

test("a member downloads her data as JSON from /me/data", async ({ page }) => {
  await signIn(page, "member@grace.example");
  await page.goto("/me");
  await page.getByRole("link", { name: "See and download my data" }).click();
  await expect(page).toHaveURL(/\/me\/data$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My data");
  await expect(page.getByRole("link", { name: "Ask to delete my account" })).toHaveAttribute("href", "/me/data/delete");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download as JSON" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^kapatiran-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as {
    format: string;
    account: { email: string };
    sessions: { createdAt: string; userAgent: string | null }[];
  };
  expect(data.format).toBe("kapatiran-export/1");
  expect(data.account.email).toBe("member@grace.example");
  expect(data.sessions.length).toBeGreaterThan(0);
  expect(data.sessions[0]!.userAgent).toContain("Chrome");
});

async function expectAccessibleAndNarrow(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${label} ${v.id}: ${v.help}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, label).toBeLessThanOrEqual(0);
}

test.describe("accessibility", () => {
  // axe runs inside the page, so this context has JavaScript; the page ships none either way.
  test.use({ javaScriptEnabled: true, viewport: { width: 360, height: 740 } });

  test("/me/data meets WCAG 2.1 AA as far as axe can tell, and fits 360 px, in both languages", async ({ page }) => {
    await signIn(page, "member@grace.example");
    for (const path of ["/me/data", "/me/data?lng=fil"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessibleAndNarrow(page, path);
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ang aking datos");
  });
});

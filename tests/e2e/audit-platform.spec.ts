import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/**
 * The platform console's onboarding and a church's audit log in Chromium,
 * with JavaScript off: both are plain HTML forms and links.
 */
test.use({ javaScriptEnabled: false, locale: "en-US" });

const CSV_HEADER =
  "id,created_at_utc,created_at_local,actor_name,actor_email,action,record_type,record_id,changes,request_id,ip_address";

async function expectAccessibleAndNarrow(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${label} ${v.id}: ${v.help}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, label).toBeLessThanOrEqual(0);
}

async function downloadCsv(page: Page): Promise<string> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download these entries (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-grace-\d{4}-\d{2}-\d{2}\.csv$/);
  return fs.readFileSync((await file.path())!, "utf8").replace(/^\uFEFF/, "");
}

test("a platform administrator onboards a church", async ({ page }) => {
  await signIn(page, "ops@kapatiran.example");
  await page.goto("/platform/churches");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Churches");
  await expect(page.locator('[data-slug="grace"]')).toContainText("Grace Fellowship (demo)");

  await page.getByLabel("Church name").fill("Living Word E2E");
  await page.getByLabel("Short name for links").fill("grace");
  await page.getByLabel("Timezone").selectOption("Asia/Tokyo");
  await page.getByLabel("Default language").selectOption("fil");
  await page.getByLabel("First administrator's e-mail").fill("first.admin@e2e-audit.example");
  await page.getByRole("button", { name: "Create church and send invitation" }).click();

  // A taken short name: the error by the field, everything typed still there.
  await expect(page.getByRole("alert")).toBeVisible();
  const slug = page.getByLabel("Short name for links");
  await expect(slug).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("This is already in use.")).toBeVisible();
  await expect(page.getByLabel("Church name")).toHaveValue("Living Word E2E");
  await expect(page.getByLabel("Timezone")).toHaveValue("Asia/Tokyo");

  await slug.fill("living-word-e2e");
  await page.getByRole("button", { name: "Create church and send invitation" }).click();
  await expect(page).toHaveURL(/\/platform\/churches\?onboarded=living-word-e2e$/);
  await expect(page.getByRole("status")).toContainText("Living Word E2E is ready.");
  const card = page.locator('[data-slug="living-word-e2e"]');
  await expect(card).toContainText("Asia/Tokyo");
  await expect(card.locator('[data-count="members"]')).toHaveText("0");
});

test("a church administrator filters the audit log and downloads it", async ({ page }) => {
  await signIn(page, "admin@grace.example");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");

  // The first download is itself audited, so the log has an entry of our own to find.
  expect((await downloadCsv(page)).split("\r\n")[0]).toBe(CSV_HEADER);

  await page.goto("/admin/audit");
  await page.getByLabel("Action").selectOption("audit.exported");
  await page.getByRole("button", { name: "Show entries" }).click();
  await expect(page).toHaveURL(/action=audit\.exported/);
  const entries = page.locator("[data-entry-id]");
  await expect(entries.first()).toContainText("audit.exported");
  await expect(entries.first()).toContainText("Cristina Villanueva");

  const csv = await downloadCsv(page);
  const [header, ...rows] = csv.trimEnd().split("\r\n");
  expect(header).toBe(CSV_HEADER);
  expect(rows.length).toBeGreaterThanOrEqual(1);
  for (const row of rows) expect(row).toContain(",audit.exported,audit_log,");
});

test.describe("accessibility", () => {
  // axe runs inside the page, so this context has JavaScript; the pages ship none either way.
  test.use({ javaScriptEnabled: true, viewport: { width: 360, height: 740 } });

  test("the churches page meets WCAG 2.1 AA as far as axe can tell, and fits 360 px, in both languages", async ({ page }) => {
    await signIn(page, "ops@kapatiran.example");
    for (const path of ["/platform/churches", "/platform/churches?lng=fil"]) {
      await page.goto(path);
      await expectAccessibleAndNarrow(page, path);
    }
    // With field errors showing.
    await page.goto("/platform/churches?lng=en");
    await page.getByRole("button", { name: "Create church and send invitation" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await expectAccessibleAndNarrow(page, "/platform/churches (errors)");
  });

  test("the audit log meets WCAG 2.1 AA as far as axe can tell, and fits 360 px, in both languages", async ({ page }) => {
    await signIn(page, "admin@grace.example");
    await page.goto("/admin/audit/export.csv").catch(() => {}); // a download: leaves an entry to show
    for (const path of ["/admin/audit", "/admin/audit?lng=fil", "/admin/audit?lng=en&from=2024-02-30"]) {
      await page.goto(path);
      await expect(page.locator("[data-entry-id]").first()).toBeVisible();
      await expectAccessibleAndNarrow(page, path);
    }
    await expect(page.getByRole("alert")).toContainText("Some filters could not be used");
  });
});

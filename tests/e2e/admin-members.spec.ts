import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/**
 * Importing members as Grace's administrator, in Chromium with JavaScript
 * off: a file with a bad row imports nothing and names the row; the fixed
 * file goes in. The people in the fixtures exist only here (…@import.example).
 */

const fixture = (name: string) => path.resolve("tests/fixtures", name);

test.use({ javaScriptEnabled: false, locale: "en-US" });

async function uploadAndPreview(page: Page, file: string) {
  await page.goto("/admin/members/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import members");
  await page.getByLabel("CSV file").setInputFiles(fixture(file));
  await page.getByRole("button", { name: "Upload and continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose the columns");
  // The headers were recognised: nothing to change.
  await expect(page.getByLabel("First Name")).toHaveValue("given_name");
  await expect(page.getByLabel("Email")).toHaveValue("email");
  await expect(page.getByLabel("Groups")).toHaveValue("groups");
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check and import");
}

test("an administrator imports a file with a bad row, sees it named and nothing imported, then imports the fixed file", async ({ page }) => {
  await signIn(page, "admin@grace.example");
  await page.goto("/admin/members");
  await page.getByRole("link", { name: "Import members from a CSV file" }).click();

  await uploadAndPreview(page, "members-with-bad-row.csv");
  await expect(page.getByText("Row 3 · Email: Enter an e-mail address like name@example.com.")).toBeVisible();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Nothing was imported: some rows have problems");
  await page.goto("/directory?q=Rosalinda+Kaibigan");
  await expect(page.getByText("0 matches")).toBeVisible();

  await uploadAndPreview(page, "members-fixed.csv");
  await expect(page.getByText("3 new members")).toBeVisible();
  await expect(page.getByText("0 rows have problems")).toBeVisible();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import finished");
  await expect(page.getByRole("status")).toContainText("3 new members added");

  await page.goto("/directory?q=Rosalinda+Kaibigan");
  await expect(page.getByRole("link", { name: "Rosalinda Kaibigan" })).toBeVisible();
});

test("the member and import pages meet WCAG 2.1 AA as far as axe can tell, and fit 360 px", async ({ browser }) => {
  // A dozen pages through axe, and an import: more than the default half minute.
  test.setTimeout(90_000);
  // axe runs as a script in the page (the file's JavaScript-off default would stop it);
  // the pages themselves ship none, so they are the same with it on.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "en-US", javaScriptEnabled: true });
  const page = await context.newPage();
  await signIn(page, "admin@grace.example");

  const check = async (label: string) => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${label} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, label).toBeLessThanOrEqual(0);
  };

  await page.goto("/admin/members/import");
  await check("upload");
  await uploadAndPreview(page, "members-with-bad-row.csv");
  await check("preview with problems");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await check("import refused");
  await page.getByRole("link", { name: "Change the column choices" }).click();
  await check("columns");
  await page.getByRole("button", { name: "Preview the import" }).click();
  await page.getByLabel(/Skip the 1 row with problems/).check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import finished");
  await check("result");

  for (const path of ["/admin/members/import?lng=fil", "/admin/members", "/admin/members/households", "/admin/members?lng=en"]) {
    await page.goto(path);
    await check(path);
  }
  await page.goto("/admin/members?q=Rosalinda");
  await page.getByRole("link", { name: /Rosalinda/ }).first().click();
  await check("member");
  await context.close();
});

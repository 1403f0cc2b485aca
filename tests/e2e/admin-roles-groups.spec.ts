import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/**
 * A church administrator's roles and groups pages in real Chromium, with no
 * JavaScript on the pages themselves: plain forms, field errors in place,
 * nothing sideways at 360 px, and clean axe reports in both languages.
 */

test.use({ locale: "en-US" });

async function expectAccessibleAndNarrow(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${label} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, label).toBeLessThanOrEqual(0);
}

test("an administrator adds a custom role with two permissions and sees it listed", async ({ page }) => {
  await signIn(page, "admin@grace.example");
  await page.goto("/admin/roles");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Roles");

  // A refused form keeps what was chosen and says what to fix, next to the field.
  await page.getByLabel("See the church directory").check();
  await page.getByRole("button", { name: "Add role" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByLabel("Name of the role")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("See the church directory")).toBeChecked();

  await page.getByLabel("Name of the role").fill("Pastoral care");
  await page.getByLabel("See 'leaders' fields of every member (for pastoral care)").check();
  await page.getByRole("button", { name: "Add role" }).click();
  await expect(page).toHaveURL(/\/admin\/roles\?done=created$/);
  await expect(page.getByRole("status")).toHaveText("The role was added.");
  const listed = page.getByRole("list", { name: "Roles of your church" }).getByRole("listitem").filter({ hasText: "Pastoral care" });
  await expect(listed).toContainText("Church role · 0 users · 2 permissions");

  await listed.getByRole("link", { name: "Pastoral care" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pastoral care");
  await expect(page.getByLabel("See the church directory")).toBeChecked();
  await expect(page.getByLabel("See 'leaders' fields of every member (for pastoral care)")).toBeChecked();
  await expect(page.getByLabel("Manage every group")).not.toBeChecked();
});

test("an administrator opens Youth Ministry and makes a member its leader", async ({ page }) => {
  await signIn(page, "admin@grace.example");
  await page.goto("/admin/groups");
  await page.getByRole("link", { name: "Youth Ministry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Youth Ministry");

  const makeLeader = page.getByRole("button", { name: /^Make leader: / }).first();
  const name = ((await makeLeader.getAttribute("aria-label")) ?? "").replace(/^Make leader: /, "");
  expect(name).not.toBe("");
  await makeLeader.click();
  await expect(page.getByRole("status")).toHaveText("The member now leads this group.");
  const row = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: `Make plain member: ${name}` }) });
  await expect(row).toContainText("Leader");
});

test("roles and groups pages fit 360 px and pass axe, in English and Filipino", async ({ browser }) => {
  // Thirteen axe runs, one over a long search result: more than the default 30 s on a slow box.
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, "admin@grace.example");

  await page.goto("/admin/roles");
  const builtIn = await page.getByRole("link", { name: "Group leader" }).getAttribute("href");
  await page.goto("/admin/groups");
  const youth = await page.getByRole("link", { name: "Youth Ministry" }).getAttribute("href");
  await page.goto("/admin/roles");
  const custom = await page.getByRole("link", { name: "Pastoral care" }).getAttribute("href");

  for (const path of ["/admin/roles", custom, builtIn, "/admin/groups", youth, `${youth}?q=a`]) {
    for (const lng of ["en", "fil"]) {
      await page.goto(`${path}${path!.includes("?") ? "&" : "?"}lng=${lng}`);
      await expectAccessibleAndNarrow(page, `${path} (${lng})`);
    }
  }

  // A page showing field errors, too.
  await page.goto("/admin/groups?lng=en");
  await page.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectAccessibleAndNarrow(page, "/admin/groups with errors");
  await context.close();
});

test("a group leader sees only the group they lead", async ({ page }) => {
  await signIn(page, "leader@grace.example");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/groups$/);
  await expect(page.getByRole("navigation", { name: "Administration" }).getByRole("link")).toHaveText(["Groups"]);
  await expect(page.getByRole("list", { name: "Groups" }).getByRole("link")).toHaveText(["Youth Ministry"]);
  await page.getByRole("link", { name: "Youth Ministry" }).click();
  await expect(page.getByRole("button", { name: /^Make leader/ })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Add a member" })).toBeVisible();
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/**
 * Grace's administrator on /admin: the getting-started checklist, then the
 * church settings page, where confirming the privacy review ticks its step.
 * JavaScript off for the walk (plain links and one POST form); on only for axe.
 */

test.use({ locale: "en-US" });

async function expectAccessibleAndNarrow(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(
    results.violations.map((v) => `${label} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)
  ).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, label).toBeLessThanOrEqual(0);
}

const step = (page: Page, title: string) =>
  page.getByRole("list", { name: "Getting-started steps" }).getByRole("listitem").filter({ hasText: title });

test.describe("accessibility", () => {
  // axe runs inside the page, so this context has JavaScript; the pages ship none either way.
  test.use({ javaScriptEnabled: true, viewport: { width: 360, height: 740 } });

  test("the checklist and church settings meet WCAG 2.1 AA as far as axe can tell, and fit 360 px", async ({
    page,
  }) => {
    await signIn(page, "admin@grace.example");
    for (const path of ["/admin/settings?lng=en", "/admin/settings?lng=fil", "/admin?lng=en"]) {
      await page.goto(path);
      await expectAccessibleAndNarrow(page, path);
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an administrator reviews the privacy defaults and the checklist ticks the step", async ({ page }) => {
    await signIn(page, "admin@grace.example");
    await page.goto("/admin?lng=en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");
    await expect(page.getByRole("heading", { name: "Getting started" })).toBeVisible();
    // Grace was seeded with its members and groups; nobody has reviewed the privacy defaults yet.
    await expect(step(page, "Import your members")).toContainText("Done");
    await expect(step(page, "Add groups")).toContainText("Done");
    await expect(step(page, "Review privacy defaults")).toContainText("To do");

    await step(page, "Review privacy defaults").getByRole("link", { name: "Open church settings" }).click();
    await expect(page).toHaveURL(/\/admin\/settings$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Church settings");
    const defaults = page.getByRole("table", { name: "Who sees each detail of a new member" });
    await expect(defaults.getByRole("row", { name: /Mobile number/ })).toContainText(
      "Leaders of my groups and administrators"
    );
    await expect(defaults.getByRole("row", { name: /Address/ })).toContainText("Church administrators only");
    await expect(page.getByText("Nobody has confirmed these defaults yet.")).toBeVisible();

    await page.getByRole("button", { name: "I have reviewed these defaults" }).click();
    await expect(page).toHaveURL(/\/admin\/settings\?done=reviewed$/);
    await expect(page.getByRole("status")).toHaveText("Thank you. The review is recorded in the audit log.");
    await expect(page.getByText(/Reviewed on \d{4}-\d{2}-\d{2} by Cristina Villanueva\./)).toBeVisible();
    await expect(page.getByRole("button", { name: "I have reviewed these defaults" })).toHaveCount(0);

    await page.goto("/admin");
    await expect(step(page, "Review privacy defaults")).toContainText("Done");
    await expect(page.getByText(/\d of 4 steps done\./)).toBeVisible();
  });
});

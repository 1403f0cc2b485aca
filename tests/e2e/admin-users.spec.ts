import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test.use({ locale: "en-US" });

test("an administrator invites a group leader, who signs in with that role", async ({ page }) => {
  await signIn(page, "admin@grace.example");
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users");

  await page.getByLabel("E-mail (their Google account)").fill("new.leader@e2e.example");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Group leader" });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toHaveText("Invitation sent to new.leader@e2e.example.");
  await expect(page.getByRole("button", { name: "Resend the invitation to new.leader@e2e.example" })).toBeVisible();

  await signIn(page, "new.leader@e2e.example");
  await expect(page).toHaveURL(/\/directory$/);
  await page.goto("/me");
  await expect(page.getByText("Group leader")).toBeVisible();
  await expect(page.getByText("Grace Fellowship (demo)").first()).toBeVisible();
});

test("the only administrator cannot demote or deactivate herself, and is told why", async ({ page }) => {
  await signIn(page, "admin@grace.example");
  await page.goto("/admin/users?q=Villanueva");
  await page.getByRole("link", { name: "Cristina Villanueva" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cristina Villanueva");

  await page.getByLabel("New role").selectOption({ label: "Member" });
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText("You cannot change your own role. Ask another administrator to do it.")).toBeVisible();

  await page.getByRole("button", { name: "Deactivate", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("You cannot deactivate your own account.");

  await page.goto("/me");
  await expect(page.getByText("Church administrator")).toBeVisible();
});

test("the users pages meet WCAG 2.1 AA as far as axe can tell, and fit 360 px", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "en-US" });
  const page = await context.newPage();
  const check = async (label: string) => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${label} ${v.id}: ${v.help}`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, label).toBeLessThanOrEqual(0);
  };
  await signIn(page, "admin@grace.example");
  await page.goto("/admin/users");
  const maria = await page.getByRole("link", { name: "Maria Santos" }).getAttribute("href");

  // The server's own field error (the browser's check is switched off to reach it).
  const inviteForm = page.locator("form", { has: page.getByRole("button", { name: "Send invitation" }) });
  await inviteForm.evaluate((form) => form.setAttribute("novalidate", ""));
  await page.getByLabel("E-mail (their Google account)").fill("not-an-e-mail");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Enter an e-mail address like name@example.com.")).toBeVisible();
  await expect(page.getByLabel("E-mail (their Google account)")).toHaveValue("not-an-e-mail");
  await check("/admin/users with a field error");

  for (const path of ["/admin/users?lng=fil", `${maria}?lng=fil`, `${maria}?lng=en`]) {
    await page.goto(path);
    await check(path);
  }
  await context.close();
});

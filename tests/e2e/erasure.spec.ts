import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/**
 * The right to erasure in a real browser with JavaScript off. The e2e server
 * shares one database with every spec, and others sign in as the demo
 * accounts: so Grace's administrator invites a person of our own, who asks
 * to be deleted, and that is who gets erased.
 */

test.use({ javaScriptEnabled: false, locale: "en-US" });

const EMAIL = `erase-me-${Date.now()}@grace.example`;

async function invite(page: Page, email: string) {
  await signIn(page, "admin@grace.example");
  await page.goto("/admin/users");
  await page.getByLabel("E-mail (their Google account)").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Member" });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);
}

test("a member asks for deletion, the administrator approves, and the member can no longer sign in", async ({
  page,
}) => {
  await invite(page, EMAIL);
  await signIn(page, EMAIL);
  await expect(page).toHaveURL(/\/directory$/);

  await page.goto("/me/data/delete");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delete my account");
  await page.getByLabel("Note to the administrators (optional)").fill("Please remove me");
  await page.getByLabel("I want my account deleted.").check();
  await page.getByRole("button", { name: "Ask to delete my account" }).click();
  await expect(page.getByRole("status")).toHaveText("Your request has been sent to your church's administrators.");
  await expect(page.getByRole("button", { name: "Withdraw request" })).toBeVisible();

  await signIn(page, "admin@grace.example");
  await page.goto("/admin/requests");
  await expect(page.getByText(/due \d{1,2} [A-Z][a-z]{2} \d{4} — 30 days left/).first()).toBeVisible();
  const name = EMAIL.split("@")[0]!;
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByText("Please remove me")).toBeVisible();
  await page.getByLabel("I understand that this person's details are removed for good.").check();
  await page.getByRole("button", { name: "Approve and anonymize" }).click();
  await expect(page.getByRole("status")).toContainText("Approved: the person has been anonymized");
  await expect(page.getByText("Approved: anonymized").first()).toBeVisible();

  // The erased person's Google account is now a stranger to Kapatiran.
  await signIn(page, EMAIL);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask your church administrator");

  // The church's households are untouched. (A clean browser: the provider remembers the refused account.)
  await page.context().clearCookies();
  await signIn(page, "admin@grace.example");
  await page.goto("/admin/members/households");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("main")).toContainText("Santos Family");
  await page.goto("/admin/users");
  await expect(page.getByText(EMAIL)).toHaveCount(0);
});

// axe runs in the page: this context has JavaScript (the pages themselves never hydrate).
test("the deletion pages meet WCAG 2.1 AA as far as axe can tell, and fit 360 px", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: "en-US",
    javaScriptEnabled: true,
  });
  const page = await context.newPage();
  const check = async (label: string) => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${label} ${v.id}: ${v.help}`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, label).toBeLessThanOrEqual(0);
  };
  const other = `axe-${EMAIL}`;
  await invite(page, other);
  await signIn(page, other);
  for (const path of ["/me/data/delete", "/me/data/delete?lng=fil"]) {
    await page.goto(path);
    await check(path);
  }
  await page.goto("/me/data/delete?lng=en");
  await page.getByLabel("I want my account deleted.").check();
  await page.getByRole("button", { name: "Ask to delete my account" }).click();
  await check("/me/data/delete with a pending request");

  await signIn(page, "admin@grace.example");
  for (const path of ["/admin/requests", "/admin/requests?lng=fil"]) {
    await page.goto(path);
    await check(path);
  }
  await page.goto("/admin/requests?lng=en");
  await page.getByRole("link", { name: other.split("@")[0]!, exact: true }).click();
  await check("/admin/requests/:requestId");
  // The server's own error for a decline without a reason (the browser's check switched off to reach it).
  const decline = page.locator("form", { has: page.getByRole("button", { name: "Decline request" }) });
  await decline.evaluate((form) => form.setAttribute("novalidate", ""));
  await page.getByRole("button", { name: "Decline request" }).click();
  await expect(page.getByText("Write a reason.")).toBeVisible();
  await check("/admin/requests/:requestId with an error");
  await context.close();
});

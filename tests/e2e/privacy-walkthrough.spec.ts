import fs from "node:fs";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { signIn } from "./support";

/**
 * Issue 7's "How it will be checked", in order, in real Chromium with
 * JavaScript off. This file has a server and a fresh database of its own
 * (the "privacy-walkthrough" project in playwright.config.ts): it erases
 * member@grace.example and publishes a new privacy policy version, which
 * would upset every other spec sharing the main e2e server.
 */

const NECESSARY = ["kapatiran_session", "lng", "consent", "data_saver"];
const PUBLIC_PAGES = ["/", "/help", "/help/faq", "/help/getting-started", "/privacy", "/cookies"];
const BANNER = "Cookies on Kapatiran";

const freshProfile = (browser: Browser, extra: Parameters<Browser["newContext"]>[0] = {}) =>
  browser.newContext({ javaScriptEnabled: false, locale: "en-US", ...extra });

const cookieNames = async (context: BrowserContext) => (await context.cookies()).map((cookie) => cookie.name);

interface Export {
  account: { email: string };
  member: { id: string; givenName: string; familyName: string }[];
  household: { name: string } | null;
  consentRecords: { policyVersion: number; categories: Record<string, boolean>; source: string }[];
  sessions: { userAgent: string | null }[];
}

test("consent, the export, erasure: issue 7 checked end to end", async ({ browser }) => {
  test.setTimeout(180_000);

  // 1. A fresh profile: only strictly necessary cookies on every public page.
  const visitor = await freshProfile(browser);
  const visitorPage = await visitor.newPage();
  for (const path of PUBLIC_PAGES) {
    expect((await visitorPage.goto(path))?.status(), path).toBe(200);
    expect((await cookieNames(visitor)).filter((name) => !NECESSARY.includes(name)), path).toEqual([]);
  }
  expect(await cookieNames(visitor)).not.toContain("consent");
  await visitor.close();

  // 2. Maria signs in and chooses "preferences only"; her export holds that consent record,
  //    with the policy version, beside her profile and sessions.
  const maria = await freshProfile(browser);
  const page = await maria.newPage();
  await signIn(page, "member@grace.example");
  await expect(page).toHaveURL(/\/directory$/);
  await page.getByRole("region", { name: BANNER }).getByRole("link", { name: "Choose cookies" }).click();
  await page.getByRole("checkbox", { name: "Preferences" }).check();
  await page.getByRole("checkbox", { name: "Analytics" }).uncheck();
  await page.getByRole("button", { name: "Save choices" }).click();
  await expect(page.getByRole("status")).toContainText("Your cookie choice is saved.");
  expect((await maria.cookies()).find((cookie) => cookie.name === "consent")?.value).toMatch(/\.2\.10$/);

  await page.goto("/me/data");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download as JSON" }).click(),
  ]);
  const exported = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as Export;
  expect(exported.account.email).toBe("member@grace.example");
  expect(exported.member[0]).toMatchObject({ givenName: "Maria", familyName: "Santos" });
  expect(exported.sessions.length).toBeGreaterThan(0);
  expect(exported.consentRecords).toContainEqual(
    expect.objectContaining({ policyVersion: 2, categories: { preferences: true, analytics: false } })
  );
  const memberId = exported.member[0]!.id;
  const householdName = exported.household!.name;

  // 3. Global Privacy Control: the banner says it is honoured, and a saved choice refuses the rest.
  const private_ = await freshProfile(browser, { extraHTTPHeaders: { "Sec-GPC": "1" } });
  const gpcPage = await private_.newPage();
  await gpcPage.goto("/help");
  await expect(gpcPage.getByRole("region", { name: BANNER })).toContainText("Global Privacy Control");
  await gpcPage.goto("/cookies");
  await expect(gpcPage.getByRole("checkbox", { name: "Analytics" })).toBeDisabled();
  await gpcPage.getByRole("button", { name: "Save choices" }).click();
  expect((await private_.cookies()).find((cookie) => cookie.name === "consent")?.value).toMatch(/\.2\.00$/);
  await private_.close();

  // 4. Support staff change the policy text and publish version 3: Maria is asked again.
  const staff = await freshProfile(browser);
  const staffPage = await staff.newPage();
  await signIn(staffPage, "staff@kapatiran.example");
  await staffPage.goto("/staff/privacy");
  await staffPage.getByRole("link", { name: "Edit the privacy policy text (help article editor, with revisions)" }).click();
  const text = staffPage.getByLabel("Text (Markdown)");
  await text.fill(`${await text.inputValue()}\n\nWe now keep application logs for 60 days.\n`);
  await staffPage.getByRole("button", { name: "Save", exact: true }).click();
  await expect(staffPage.getByRole("status")).toHaveText("Saved as a new revision.");
  await staffPage.goto("/staff/privacy");
  await staffPage.getByLabel("What changed").fill("Logs are kept for 60 days");
  await staffPage.getByRole("button", { name: "Publish as version 3" }).click();
  await expect(staffPage.getByRole("status")).toContainText("Version 3 is published.");
  await staff.close();
  await page.goto("/help");
  await expect(page.getByRole("region", { name: BANNER })).toContainText(
    "We updated our privacy policy (version 3): please choose again."
  );

  // 5. Maria asks for deletion; Grace's administrator approves.
  await page.goto("/me/data/delete");
  await page.getByLabel("I want my account deleted.").check();
  await page.getByRole("button", { name: "Ask to delete my account" }).click();
  await expect(page.getByRole("status")).toHaveText("Your request has been sent to your church's administrators.");
  await maria.close();

  const admin = await freshProfile(browser);
  const adminPage = await admin.newPage();
  await signIn(adminPage, "admin@grace.example");
  const findsMaria = ["/directory?q=Maria+Santos", "/admin/members?q=Santos"];
  for (const path of findsMaria) {
    await adminPage.goto(path);
    expect(await adminPage.content(), path).toContain(memberId);
  }
  await adminPage.goto("/admin/requests");
  await adminPage.getByRole("link", { name: "Maria Santos", exact: true }).click();
  await adminPage.getByLabel("I understand that this person's details are removed for good.").check();
  await adminPage.getByRole("button", { name: "Approve and anonymize" }).click();
  await expect(adminPage.getByRole("status")).toContainText("Approved: the person has been anonymized");

  // 6. She appears nowhere, cannot sign in, and her household remains.
  expect((await adminPage.goto(`/directory/${memberId}`))?.status()).toBe(404);
  expect((await adminPage.goto(`/admin/members/${memberId}`))?.status()).toBe(404);
  for (const path of findsMaria) {
    await adminPage.goto(path);
    expect(await adminPage.content(), path).not.toContain(memberId);
  }
  await adminPage.goto("/admin/users");
  await expect(adminPage.getByText("member@grace.example")).toHaveCount(0);
  await adminPage.goto("/admin/members/households");
  await expect(adminPage.locator("main")).toContainText(householdName);
  await admin.close();

  const again = await freshProfile(browser);
  const againPage = await again.newPage();
  await signIn(againPage, "member@grace.example");
  await expect(againPage.getByRole("heading", { level: 1 })).toHaveText("Ask your church administrator");
  await again.close();
});

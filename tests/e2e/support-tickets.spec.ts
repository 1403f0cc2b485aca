import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { signIn } from "./support";

/**
 * Support tickets in real Chromium: a member asks (JavaScript off, as on a
 * basic phone, and on), staff answer from the inbox, the member reads the
 * answer in the thread. The e2e server has no SMTP_URL, so the e-mail is
 * logged; delivery is proven in tests/integration/support-tickets.test.ts.
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

/** Ask from /support; returns the new ticket's path. */
async function ask(page: Page, subject: string, message: string, screenshot?: Buffer) {
  await page.goto("/support");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact support");
  await page.getByLabel("Subject", { exact: true }).fill(subject);
  await page.getByLabel("Your question", { exact: true }).fill(message);
  if (screenshot)
    await page
      .getByLabel("Screenshot (optional)", { exact: true })
      .setInputFiles({ name: "screen.png", mimeType: "image/png", buffer: screenshot });
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page).toHaveURL(/\/support\/[0-9a-f-]{36}\?done=opened$/);
  await expect(page.getByRole("status")).toHaveText("Your question is sent. We will reply here and by e-mail.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  return new URL(page.url()).pathname;
}

/** As staff: open the ticket from the inbox and reply. */
async function answer(page: Page, subject: string, reply: string) {
  await signIn(page, "staff@kapatiran.example");
  await page.getByRole("link", { name: "Support desk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Support inbox");
  const item = page.getByRole("list", { name: "Questions" }).getByRole("listitem").filter({ hasText: subject });
  await expect(item).toContainText("Grace Fellowship (demo) · Maria Santos");
  await item.getByRole("link", { name: subject }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  await page.getByLabel("Your reply", { exact: true }).fill(reply);
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Your reply is saved. E-mail is not set up on this server, so the message was written to the log."
  );
}

/** As the member: the reply is in the thread, marked as support's. */
async function readReply(page: Page, subject: string, reply: string) {
  await signIn(page, "member@grace.example");
  await page.getByRole("link", { name: "Support", exact: true }).click();
  const mine = page.getByRole("listitem").filter({ hasText: subject });
  await expect(mine).toContainText("Waiting for your reply");
  await mine.getByRole("link", { name: subject }).click();
  const message = page.getByRole("listitem").filter({ hasText: reply });
  await expect(message).toContainText("Kapatiran support");
  await expect(page.getByText("Status: Waiting for your reply")).toBeVisible();
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("a member asks with a screenshot, staff reply, the member reads the reply", async ({ page }) => {
    const subject = `Cannot see my group (${Date.now()})`;
    const screenshot = await sharp({
      create: { width: 360, height: 640, channels: 3, background: { r: 250, g: 250, b: 245 } },
    })
      .png()
      .toBuffer();
    await signIn(page, "member@grace.example");
    const path = await ask(page, subject, "My Women's Fellowship group is not on my profile.", screenshot);
    const shot = page.getByRole("link", { name: "Open the screenshot you sent" });
    await expect(shot).toHaveAttribute("href", `${path}/screenshot`);
    const image = await page.request.get(`${path}/screenshot`);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/webp");

    // A renamed text file is refused next to its field; the question stays typed.
    await page.goto("/support");
    await page.getByLabel("Subject", { exact: true }).fill("Second question");
    await page.getByLabel("Your question", { exact: true }).fill("Keep this text.");
    await page
      .getByLabel("Screenshot (optional)", { exact: true })
      .setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("not an image") });
    await page.getByRole("button", { name: "Send question" }).click();
    await expect(
      page.getByText("This file is not an image we can use. Please send a PNG, JPEG or WebP screenshot.")
    ).toBeVisible();
    await expect(page.getByLabel("Screenshot (optional)", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Subject", { exact: true })).toHaveValue("Second question");
    await expect(page.getByLabel("Your question", { exact: true })).toHaveValue("Keep this text.");

    await answer(page, subject, "Thanks! Your administrator adds you to groups.");
    await expect(page.getByRole("img", { name: "Screenshot sent with the question" })).toBeVisible();
    await readReply(page, subject, "Thanks! Your administrator adds you to groups.");
  });
});

test("with JavaScript on: a member asks, staff reply, the member reads it and closes the question", async ({
  page,
}) => {
  const subject = `Printing the directory (${Date.now()})`;
  await signIn(page, "member@grace.example");
  await ask(page, subject, "How do I print the directory?");
  await answer(page, subject, "Open Directory, then Print.");
  await readReply(page, subject, "Open Directory, then Print.");
  await page.getByRole("button", { name: "Close this question" }).click();
  await expect(page.getByRole("status")).toContainText("The question is closed.");
  await expect(page.getByText("Status: Closed")).toBeVisible();
});

test("support pages fit 360 px and pass axe, in English and Filipino", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, "member@grace.example");
  const ticket = await ask(page, `Axe check (${Date.now()})`, "Checking the pages.");
  for (const path of ["/support", ticket]) {
    for (const lng of ["en", "fil"]) {
      await page.goto(`${path}?lng=${lng}`);
      await expectAccessibleAndNarrow(page, `${path} (${lng})`);
    }
  }
  // A refused form, errors and all.
  await page.goto("/support?lng=en");
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectAccessibleAndNarrow(page, "/support with errors");

  await signIn(page, "staff@kapatiran.example");
  for (const path of [
    "/staff/tickets",
    "/staff/tickets?status=all",
    ticket.replace("/support/", "/staff/tickets/"),
    "/support",
  ]) {
    for (const lng of ["en", "fil"]) {
      await page.goto(`${path}${path.includes("?") ? "&" : "?"}lng=${lng}`);
      await expectAccessibleAndNarrow(page, `${path} (${lng})`);
    }
  }
  await page.goto("/staff/tickets?lng=en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Support inbox");
  await context.close();
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { OWASP_XSS_PAYLOADS } from "../fixtures/owasp-xss-payloads";
import { signIn } from "./support";

/**
 * Forum moderation in real Chromium (issue 12): Josefina (Hope Chapel) posts
 * a reply full of script payloads; Maria (Grace Fellowship) reports it with a
 * reason that is a payload too; support staff find it in the queue (axe at
 * 360 px), hide it with a reason; Josefina sees "Hidden by moderators: …",
 * Maria no longer sees the post. On every page the payloads never run: no
 * dialog opens, the CSP reports nothing refused, no injected element exists.
 */

test.use({ locale: "en-US" });

const MARKER = "Marker-7f3a";
const PAYLOAD_POST = [`${MARKER}: useful links below`, ...OWASP_XSS_PAYLOADS.slice(0, 25)].join("\n\n");
const PAYLOAD_REASON = `<script>alert('flag')</script><img src=x onerror=alert('reason')> spam`;
const HIDE_REASON = "Links to unsafe sites <b>are</b> not allowed";

/** Everything that would show a payload ran: dialogs, and console lines about refused scripts. */
function watch(page: Page, ran: string[]) {
  page.on("dialog", async (dialog) => {
    ran.push(`dialog on ${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) ran.push(`console on ${page.url()}: ${message.text()}`);
  });
}

/** No element a payload could have brought in: scripts beyond our own, handlers, hostile URLs. */
async function expectNoInjectedElements(page: Page) {
  const found = await page.evaluate(() => {
    const main = document.querySelector("main");
    if (!main) return ["no main"];
    const problems: string[] = [];
    for (const element of main.querySelectorAll("*")) {
      if (/^(SCRIPT|IFRAME|OBJECT|EMBED|SVG|IMG|STYLE|BASE|LINK|META)$/i.test(element.tagName)) problems.push(element.tagName);
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) problems.push(`${element.tagName}[${attribute.name}]`);
        if (/^\s*(javascript|vbscript|data):/i.test(attribute.value)) problems.push(`${element.tagName}[${attribute.name}=${attribute.value}]`);
      }
    }
    return problems;
  });
  expect(found).toEqual([]);
}

test("a reported script-laden reply is hidden by staff: the author is told why, others no longer see it, nothing runs", async ({ browser }) => {
  test.setTimeout(180_000);
  const ran: string[] = [];
  const josefinaContext = await browser.newContext({ locale: "en-US" });
  const mariaContext = await browser.newContext({ locale: "en-US" });
  const staffContext = await browser.newContext({ locale: "en-US", viewport: { width: 360, height: 740 } });
  const josefina = await josefinaContext.newPage();
  const maria = await mariaContext.newPage();
  const staff = await staffContext.newPage();
  for (const page of [josefina, maria, staff]) watch(page, ran);
  await signIn(josefina, "admin@hope.example");
  await signIn(maria, "member@grace.example");
  await signIn(staff, "staff@kapatiran.example");

  // Josefina starts a topic and replies with the payloads.
  await josefina.goto("/community/new");
  await josefina.getByLabel("Category", { exact: true }).selectOption({ label: "Tips" });
  await josefina.getByLabel("Title", { exact: true }).fill("Sharing the directory safely");
  await josefina.getByLabel("Your post", { exact: true }).fill("Print it only for leaders.");
  await josefina.getByRole("button", { name: "Post topic" }).click();
  await expect(josefina).toHaveURL(/\/community\/t\/[0-9a-f-]{36}\?done=started$/);
  const topicPath = new URL(josefina.url()).pathname;
  await josefina.getByLabel("Your reply", { exact: true }).fill(PAYLOAD_POST);
  await josefina.getByRole("button", { name: "Post reply" }).click();
  await expect(josefina.getByText(MARKER)).toBeVisible();
  await expectNoInjectedElements(josefina);

  // Maria reports the reply, with a payload for a reason.
  await maria.goto(topicPath);
  const reply = maria.locator("article", { hasText: MARKER });
  await expect(reply).toBeVisible();
  await expectNoInjectedElements(maria);
  await reply.getByText("Report", { exact: true }).click();
  await reply.getByLabel("Why are you reporting this post?").fill(PAYLOAD_REASON);
  await reply.getByRole("button", { name: "Send the report" }).click();
  await expect(maria).toHaveURL(/\?flagged=[0-9a-f-]{36}#post-/);
  await expect(maria.getByRole("status").filter({ hasText: "the moderators will look at this post" })).toBeVisible();

  // Staff, on a phone: the queue shows the report as text, and passes axe.
  await staff.goto("/community/moderation");
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Forum moderation");
  const item = staff.getByRole("listitem").filter({ hasText: "Sharing the directory safely" });
  await expect(item.getByText(PAYLOAD_REASON, { exact: false })).toBeVisible();
  await expectNoInjectedElements(staff);
  const axe = await new AxeBuilder({ page: staff }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // Staff review the post (its text sanitized) and hide it; a reason is required.
  await item.getByRole("link", { name: "Review this post" }).click();
  await expect(staff.getByText(MARKER)).toBeVisible();
  await expectNoInjectedElements(staff);
  await staff.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(staff.getByText("Write the reason: the author is shown it.")).toBeVisible();
  await staff.getByLabel("Reason", { exact: true }).fill(HIDE_REASON);
  await staff.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(staff).toHaveURL(/\/community\/moderation\?done=hide$/);
  await expect(staff.getByRole("status")).toHaveText("The post is hidden. Its author sees your reason.");

  // Josefina sees why, as text; Maria no longer sees the post at all.
  await josefina.goto(topicPath);
  await expect(josefina.getByText(`Hidden by moderators: ${HIDE_REASON}`)).toBeVisible();
  await expectNoInjectedElements(josefina);
  await maria.goto(topicPath);
  await expect(maria.getByRole("heading", { level: 1 })).toHaveText("Sharing the directory safely");
  await expect(maria.getByText(MARKER)).toHaveCount(0);
  await expect(maria.getByText("Hidden by moderators")).toHaveCount(0);

  expect(ran).toEqual([]);
  for (const context of [josefinaContext, mariaContext, staffContext]) await context.close();
});

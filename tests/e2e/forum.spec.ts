import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAt, startForumServer, type ForumServer } from "./forum-support";

/**
 * The community forum in real Chromium (issue 12): Maria (Grace Fellowship)
 * asks in Questions, Josefina (Hope Chapel) answers, Maria marks it answered
 * and, subscribed as the topic's author, receives exactly one e-mail at a
 * real SMTP server. Josefina then changes the post id in her own edit form
 * to Maria's post and gets a 403. The topic page passes axe at 360 px.
 */

test.use({ locale: "en-US" });
test.describe.configure({ mode: "serial" });

let forum: ForumServer;

test.beforeAll(async () => {
  // A server of its own with mail captured: its first start seeds the demo churches.
  test.setTimeout(150_000);
  forum = await startForumServer();
});
test.afterAll(async () => {
  await forum?.close();
});

test("two churches: ask, answer, mark answered, one e-mail; someone else's post is a 403; axe at 360 px", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const phone = await browser.newContext({
    baseURL: forum.baseURL,
    locale: "en-US",
    viewport: { width: 360, height: 740 },
  });
  const desktop = await browser.newContext({ baseURL: forum.baseURL, locale: "en-US" });
  const maria = await phone.newPage();
  const josefina = await desktop.newPage();
  await signInAt(maria, "member@grace.example");
  await signInAt(josefina, "admin@hope.example");

  // Maria asks.
  await maria.goto("/");
  await maria.getByRole("link", { name: "Community", exact: true }).click();
  await expect(maria.getByRole("heading", { level: 1 })).toHaveText("Community");
  await maria.getByRole("link", { name: "Questions", exact: true }).first().click();
  await maria.getByRole("link", { name: "Ask a question" }).click();
  await maria.getByLabel("Title", { exact: true }).fill("How do I add my son to our household?");
  await maria.getByLabel("Your post", { exact: true }).fill("He **moved in** with us last month.");
  await maria.getByRole("button", { name: "Post topic" }).click();
  await expect(maria).toHaveURL(/\/community\/t\/[0-9a-f-]{36}\?done=started$/);
  await expect(maria.getByRole("status")).toHaveText(
    "Your topic is posted. You will get an e-mail when someone replies."
  );
  const topicPath = new URL(maria.url()).pathname;

  // Josefina, of another church, answers.
  await josefina.goto("/community");
  await josefina.getByRole("link", { name: "How do I add my son to our household?" }).click();
  await expect(josefina.getByRole("heading", { level: 1 })).toHaveText("How do I add my son to our household?");
  await expect(josefina.getByRole("heading", { name: "Maria Santos", exact: true })).toBeVisible();
  await josefina.getByLabel("Your reply", { exact: true }).fill("Open **Households** under My account, then add him.");
  await josefina.getByRole("button", { name: "Post reply" }).click();
  await expect(josefina.getByRole("status")).toHaveText("Your reply is posted.");

  // Maria marks it answered.
  await maria.goto(topicPath);
  await maria.getByRole("button", { name: "Mark as the answer" }).click();
  await expect(maria.getByRole("status")).toHaveText("The reply is marked as the answer.");
  await expect(maria.getByText("This question has an answer.")).toBeVisible();

  // Exactly one e-mail, to Maria only, with a way out that needs no sign-in.
  await expect.poll(() => forum.mailsTo("member@grace.example").length, { timeout: 10_000 }).toBe(1);
  await maria.waitForTimeout(1_500);
  const mails = forum.mailsTo("member@grace.example");
  expect(mails).toHaveLength(1);
  expect(mails[0]!.text).toContain("Josefina Aquino replied to “How do I add my son to our household?”");
  expect(mails[0]!.text).toMatch(/\/community\/unsubscribe\/[A-Za-z0-9_-]+/);
  expect(forum.mailsTo("admin@hope.example")).toHaveLength(0);

  // Josefina changes the id in her own edit form to Maria's post: 403, and Maria's post is unchanged.
  const ids = await josefina
    .locator("article[id^='post-']")
    .evaluateAll((articles) => articles.map((a) => a.id.slice(5)));
  const [mariaPost, josefinaPost] = ids;
  await josefina.goto(`/community/posts/${josefinaPost}/edit`);
  await josefina.locator("input[name='postId']").evaluate((input, id) => {
    (input as HTMLInputElement).value = id;
  }, mariaPost!);
  await josefina.getByLabel("Your post", { exact: true }).fill("Changed by someone else");
  const [response] = await Promise.all([
    josefina.waitForResponse((r) => r.request().method() === "POST"),
    josefina.getByRole("button", { name: "Save changes" }).click(),
  ]);
  expect(response.status()).toBe(403);
  await maria.goto(topicPath);
  await expect(maria.locator(`#post-${mariaPost}`)).toContainText("moved in");
  await expect(maria.getByText("Changed by someone else")).toHaveCount(0);

  // The topic page at 360 px: WCAG 2.1 AA as far as axe can tell, nothing wider than the phone.
  const results = await new AxeBuilder({ page: maria })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)
  ).toEqual([]);
  const overflow = await maria.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await phone.close();
  await desktop.close();
});

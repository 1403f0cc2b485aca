// First: a real SMTP server (SMTP_URL), before any app code reads the environment.
import { inbox, stopSmtp } from "../support/smtp";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, forumAuthors, forumFlags, forumPosts, forumSubscriptions, forumTopics, helpArticles, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches, withChurch, type Tx } from "~/db/tenancy.server";
import { anonymizePerson } from "~/models/anonymize.server";
import { addCategory, changeCategory, addCategoryForm } from "~/models/forum/categories-admin.server";
import { listCategories } from "~/models/forum/categories.server";
import { FORMER_MEMBER } from "~/models/forum/erase-author.server";
import { flagForm, flagPost } from "~/models/forum/flags.server";
import { forumSettingsForm, loadForumSettings, saveForumSettings } from "~/models/forum/forum-settings.server";
import { listModerationQueue } from "~/models/forum/moderation-queue.server";
import { moderatePost, postActionForm } from "~/models/forum/moderation.server";
import { markAnswer, replyToTopic, startTopic } from "~/models/forum/posting.server";
import { createHelpDraft, proposeHelpDraft } from "~/models/forum/to-help-draft.server";
import { moderateTopic, topicActionForm } from "~/models/forum/topic-moderation.server";
import { gatherMyData } from "~/models/my-data.server";
import { findCurrentUser, type CurrentUser } from "~/models/users.server";
import { OWASP_XSS_PAYLOADS } from "../fixtures/owasp-xss-payloads";
import { browse, postForm, type CookieJar } from "../support/browser";
import { problemsIn } from "../support/html-safety";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar } from "../support/sign-in";

/**
 * Forum moderation (issue 12, items 3 and 4) against the real app and
 * database: members report posts, staff work the queue and act with reasons
 * (every act audited on the platform chain), a new account's first posts
 * wait for approval, settings and categories, a question turned into a help
 * draft, and the forum in "download my data" and in erasure.
 */

let server: TestServer;
let maria: CurrentUser; // member@grace.example: asks
let josefina: CurrentUser; // admin@hope.example: another church, answers
let jericho: CurrentUser; // leader@grace.example: reports, and is erased at the end
let staff: CurrentUser; // staff@kapatiran.example
let staffJar: CookieJar;
let jerichoJar: CookieJar;
let mariaJar: CookieJar;

const across = <T>(work: (tx: Tx) => Promise<T>) => acrossChurches(work, server.database.db);
const at = (path: string) => `${server.url}${path}`;
const userByEmail = async (email: string) => {
  const [row] = await across((tx) => tx.select({ id: users.id }).from(users).where(eq(users.email, email)));
  return (await findCurrentUser(row!.id))!;
};
const postRow = async (id: string) => (await across((tx) => tx.select().from(forumPosts).where(eq(forumPosts.id, id))))[0]!;
const topicRow = async (id: string) => (await across((tx) => tx.select().from(forumTopics).where(eq(forumTopics.id, id))))[0]!;
const auditOf = (action: string, recordId: string) =>
  across((tx) => tx.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.recordId, recordId))));
/** The first e-mail whose subject names the topic, arriving within a few seconds. */
async function mailAbout(title: string, after: number) {
  for (let waited = 0; waited < 5_000; waited += 50) {
    const found = inbox.slice(after).find((mail) => mail.decoded.includes(title));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No e-mail about ${title} arrived`);
}
const mainOf = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>") + 7);

async function question(title: string, body = "How do I add a household?") {
  const started = await startTopic(maria, { category: "questions", title, body });
  if (!started.ok) throw new Error(started.reason);
  const reply = await replyToTopic(josefina, started.topicId, { body: "Open Members, then Households.", quotedPostId: null });
  if (!reply.ok) throw new Error(reply.reason);
  return { topicId: started.topicId, openingId: started.postId, replyId: reply.postId };
}

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  maria = await userByEmail("member@grace.example");
  josefina = await userByEmail("admin@hope.example");
  jericho = await userByEmail("leader@grace.example");
  staff = await userByEmail("staff@kapatiran.example");
  staffJar = await signedInJar(server.url, "staff@kapatiran.example");
  jerichoJar = await signedInJar(server.url, "leader@grace.example");
  mariaJar = await signedInJar(server.url, "member@grace.example");
  // These tests post far more than a person would in an hour.
  await saveForumSettings(staff, { approveFirstPosts: 0, postsPerHour: 200 });
});
afterAll(async () => {
  await server.close();
  await stopSmtp();
});

describe("reporting a post", () => {
  it("needs a reason of at most 500 characters", () => {
    expect(flagForm.safeParse({ reason: "  " }).success).toBe(false);
    expect(flagForm.safeParse({ reason: "x".repeat(501) }).success).toBe(false);
    expect(flagForm.safeParse({ reason: "Spam\r\nlink" }).data?.reason).toBe("Spam\nlink");
  });

  it("keeps one open report per member per post, refuses one's own post, and is audited", async () => {
    const { replyId } = await question("Reporting twice");
    const first = await flagPost(jericho, replyId, { reason: "Looks like spam" });
    expect(first).toMatchObject({ ok: true, alreadyFlagged: false });
    expect(await flagPost(jericho, replyId, { reason: "Again" })).toMatchObject({ ok: true, alreadyFlagged: true });
    const flags = await across((tx) => tx.select().from(forumFlags).where(eq(forumFlags.postId, replyId)));
    expect(flags.map((flag) => flag.reason)).toEqual(["Looks like spam"]);
    expect(await flagPost(josefina, replyId, { reason: "Mine" })).toEqual({ ok: false, reason: "own" });
    const [entry] = await auditOf("forum.post_flagged", replyId);
    expect(entry).toMatchObject({ churchId: null, actorUserId: jericho.id, after: { flagId: flags[0]!.id } });
  });

  it("over HTTP: a member's report goes back to the post; an empty one shows the error; staff and visitors cannot", async () => {
    const { replyId, topicId } = await question("Reporting over HTTP");
    const sent = await postForm(jerichoJar, at(`/community/posts/${replyId}/flag`), { reason: "Rude words" });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`/community/t/${topicId}?flagged=${replyId}#post-${replyId}`);
    const empty = await postForm(mariaJar, at(`/community/posts/${replyId}/flag`), { reason: "" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("This is required.");
    expect((await postForm(staffJar, at(`/community/posts/${replyId}/flag`), { reason: "x" })).status).toBe(403);
    expect((await browse(jerichoJar, at(`/community/posts/not-a-post/flag`))).status).toBe(404);
  });
});

describe("the moderators' queue and acting on a post", () => {
  it("lists reported posts with the reasons, and staff hide one with a reason the author is given", async () => {
    const { replyId, topicId } = await question("A reply to hide");
    await flagPost(jericho, replyId, { reason: "Advertising" });
    const queue = await listModerationQueue(staff);
    const item = queue.items.find((entry) => entry.postId === replyId);
    expect(item?.flags.map((flag) => flag.reason)).toEqual(["Advertising"]);
    expect((await topicRow(topicId)).replyCount).toBe(1);

    expect(postActionForm.safeParse({ intent: "hide", reason: "" }).success).toBe(false);
    await expect(moderatePost(maria, replyId, { intent: "hide", reason: "x" })).rejects.toMatchObject({ status: 403 });
    expect(await moderatePost(staff, replyId, { intent: "hide", reason: "Advertising is not allowed" })).toEqual({ ok: true, topicId });

    const post = await postRow(replyId);
    expect(post).toMatchObject({ state: "hidden", moderationReason: "Advertising is not allowed", moderatedBy: staff.id });
    expect((await topicRow(topicId)).replyCount).toBe(0);
    const flags = await across((tx) => tx.select().from(forumFlags).where(eq(forumFlags.postId, replyId)));
    expect(flags.every((flag) => flag.resolution === "hidden" && flag.resolvedBy === staff.id)).toBe(true);
    const [entry] = await auditOf("forum.post_hidden", replyId);
    expect(entry).toMatchObject({
      churchId: null,
      actorUserId: staff.id,
      before: { state: "published" },
      after: { state: "hidden", reason: "Advertising is not allowed", flagsResolved: 1 },
    });
    expect((await listModerationQueue(staff)).items.some((entry) => entry.postId === replyId)).toBe(false);
    // Restored, then deleted, then kept: each its own audit entry.
    expect(await moderatePost(staff, replyId, { intent: "restore", reason: "" })).toMatchObject({ ok: true });
    expect((await topicRow(topicId)).replyCount).toBe(1);
    expect(await moderatePost(staff, replyId, { intent: "approve", reason: "" })).toEqual({ ok: false, reason: "stale" });
    expect(await moderatePost(staff, replyId, { intent: "delete", reason: "Repeated spam" })).toMatchObject({ ok: true });
    expect(await postRow(replyId)).toMatchObject({ state: "deleted", moderationReason: "Repeated spam" });
    expect(await auditOf("forum.post_restored", replyId)).toHaveLength(1);
    expect(await auditOf("forum.post_deleted", replyId)).toHaveLength(1);
  });

  it("keeping a post closes its reports as kept", async () => {
    const { replyId } = await question("A reply to keep");
    await flagPost(jericho, replyId, { reason: "Not sure" });
    await moderatePost(staff, replyId, { intent: "keep", reason: "" });
    const [flag] = await across((tx) => tx.select().from(forumFlags).where(eq(forumFlags.postId, replyId)));
    expect(flag).toMatchObject({ resolution: "kept" });
    expect(await postRow(replyId)).toMatchObject({ state: "published" });
  });

  it("moderation pages are staff's: members get 403, and script payloads in posts and reasons stay text", async () => {
    const failures: string[] = [];
    const payloads = OWASP_XSS_PAYLOADS.slice(0, 12);
    for (const [index, payload] of payloads.entries()) {
      const { replyId } = await question(`XSS ${index} ${payload}`, payload);
      await flagPost(jericho, replyId, { reason: payload });
      for (const path of ["/community/moderation", `/community/moderation/posts/${replyId}`]) {
        const response = await browse(staffJar, at(path));
        const html = await response.text();
        if (response.status !== 200) failures.push(`${path}: ${response.status}`);
        for (const problem of problemsIn(html, mainOf(html))) failures.push(`${path} ${JSON.stringify(payload)}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await browse(mariaJar, at("/community/moderation"))).status).toBe(403);
    const { replyId } = await question("Members cannot moderate");
    expect((await postForm(mariaJar, at(`/community/moderation/posts/${replyId}`), { intent: "hide", reason: "x" })).status).toBe(403);
    expect(await postRow(replyId)).toMatchObject({ state: "published" });
  });
});

describe("a new account's first posts", () => {
  it("settings are validated and audited", async () => {
    for (const bad of [{ approveFirstPosts: "abc", postsPerHour: "20" }, { approveFirstPosts: "-1", postsPerHour: "20" }, { approveFirstPosts: "21", postsPerHour: "20" }, { approveFirstPosts: "0", postsPerHour: "0" }, { approveFirstPosts: "0", postsPerHour: "201" }])
      expect(forumSettingsForm.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    const parsed = forumSettingsForm.parse({ approveFirstPosts: " 1 ", postsPerHour: "200" });
    expect(parsed).toEqual({ approveFirstPosts: 1, postsPerHour: 200 });
    await saveForumSettings(staff, parsed);
    expect(await loadForumSettings()).toEqual(parsed);
    const entries = await auditOf("forum.settings_changed", "1");
    expect(entries.at(-1)).toMatchObject({ churchId: null, before: { approveFirstPosts: 0, postsPerHour: 200 }, after: parsed });
    await expect(saveForumSettings(maria, parsed)).rejects.toMatchObject({ status: 403 });
  });

  it("wait for approval; approving publishes, counts toward the author and e-mails the subscribers once", async () => {
    // Maria's own topic with no reply yet, so her hourly e-mail for it is still to come.
    const started = await startTopic(maria, { category: "questions", title: "Approval flow", body: "Anyone?" });
    const topicId = (started as { topicId: string }).topicId;
    // A brand-new forum author: admin@grace has never posted.
    const newcomer = await userByEmail("admin@grace.example");
    const reply = await replyToTopic(newcomer, topicId, { body: "My first post", quotedPostId: null });
    expect(reply).toMatchObject({ ok: true, state: "pending" });
    const postId = (reply as { postId: string }).postId;
    expect((await listModerationQueue(staff)).items.find((item) => item.postId === postId)?.state).toBe("pending");
    const mailsBefore = inbox.length;
    expect(await moderatePost(staff, postId, { intent: "approve", reason: "" })).toMatchObject({ ok: true });
    expect(await postRow(postId)).toMatchObject({ state: "published" });
    const [author] = await across((tx) => tx.select().from(forumAuthors).where(eq(forumAuthors.userId, newcomer.id)));
    expect(author?.approvedPosts).toBe(1);
    expect((await topicRow(topicId)).replyCount).toBe(1);
    expect(await auditOf("forum.post_approved", postId)).toHaveLength(1);
    const mail = await mailAbout("Approval flow", mailsBefore);
    expect(mail.to).toEqual(["member@grace.example"]);
    // The newcomer's second reply, published at once, sends no second e-mail within the hour.
    await new Promise((resolve) => setTimeout(resolve, 300));
    // No longer new: the next post shows at once.
    expect(await replyToTopic(newcomer, topicId, { body: "Second", quotedPostId: null })).toMatchObject({ state: "published" });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(inbox.slice(mailsBefore).filter((received) => received.decoded.includes("Approval flow"))).toHaveLength(1);
    await saveForumSettings(staff, { approveFirstPosts: 0, postsPerHour: 200 });
  });
});

describe("acting on a topic", () => {
  it("lock, pin, move, hide and restore, each with its reason and audit entry", async () => {
    const { topicId, openingId, replyId } = await question("Topic actions");
    expect(topicActionForm.safeParse({ intent: "lock", reason: "" }).success).toBe(false);
    expect(topicActionForm.safeParse({ intent: "move", reason: "Wrong place", categoryId: "" }).success).toBe(false);
    expect(topicActionForm.safeParse({ intent: "pin", reason: "" }).success).toBe(true);

    expect(await moderateTopic(staff, topicId, { intent: "lock", reason: "Answered, thank you", categoryId: "" })).toEqual({ ok: true });
    expect(await topicRow(topicId)).toMatchObject({ locked: true });
    expect(await postRow(openingId)).toMatchObject({ state: "published", moderationReason: "Answered, thank you" });
    expect(await replyToTopic(jericho, topicId, { body: "Late", quotedPostId: null })).toEqual({ ok: false, reason: "locked" });

    await moderateTopic(staff, topicId, { intent: "pin", reason: "", categoryId: "" });
    const ideas = (await listCategories("en")).find((category) => category.slug === "ideas")!;
    const before = (await topicRow(topicId)).categoryId;
    expect(await moderateTopic(staff, topicId, { intent: "move", reason: "This is an idea", categoryId: before })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await moderateTopic(staff, topicId, { intent: "move", reason: "This is an idea", categoryId: ideas.id })).toEqual({ ok: true });
    expect(await topicRow(topicId)).toMatchObject({ pinned: true, categoryId: ideas.id });
    const [moved] = await auditOf("forum.topic_moved", topicId);
    expect(moved).toMatchObject({ before: { categoryId: before }, after: { categoryId: ideas.id, reason: "This is an idea" } });

    await flagPost(jericho, replyId, { reason: "Off topic" });
    expect(await moderateTopic(staff, topicId, { intent: "hide", reason: "Personal details posted", categoryId: "" })).toEqual({ ok: true });
    expect(await topicRow(topicId)).toMatchObject({ state: "hidden" });
    const open = await across((tx) => tx.select().from(forumFlags).where(eq(forumFlags.postId, replyId)));
    expect(open.every((flag) => flag.resolution === "hidden")).toBe(true);
    expect(await moderateTopic(staff, topicId, { intent: "restore", reason: "", categoryId: "" })).toEqual({ ok: true });
    expect(await topicRow(topicId)).toMatchObject({ state: "visible" });
    for (const action of ["locked", "pinned", "moved", "hidden", "restored"])
      expect(await auditOf(`forum.topic_${action}`, topicId), action).toHaveLength(1);
    expect((await postForm(mariaJar, at(`/community/moderation/topics/${topicId}`), { intent: "unlock" })).status).toBe(403);
  });
});

describe("categories", () => {
  it("staff add, rename, reorder and archive them, audited; slugs are unique", async () => {
    expect(addCategoryForm.safeParse({ slug: "Bad Slug", nameEn: "X" }).success).toBe(false);
    const input = addCategoryForm.parse({ slug: "youth-work", nameEn: "Youth work", forQuestions: "on" });
    expect(await addCategory(staff, input)).toEqual({ ok: true });
    expect(await addCategory(staff, input)).toEqual({ ok: false, errors: { slug: ["forms:taken"] } });
    let youth = (await listCategories("en")).find((category) => category.slug === "youth-work")!;
    expect(youth).toMatchObject({ name: "Youth work", forQuestions: true });
    await changeCategory(staff, youth.id, { details: { nameEn: "Youth ministry", nameFil: "Kabataan", descriptionEn: null, descriptionFil: null, forQuestions: true, staffOnly: false } });
    expect((await listCategories("fil")).find((category) => category.id === youth.id)?.name).toBe("Kabataan");
    await changeCategory(staff, youth.id, { move: "up" });
    const order = (await listCategories("en")).map((category) => category.slug);
    expect(order.indexOf("youth-work")).toBe(order.length - 2);
    await changeCategory(staff, youth.id, { archived: true });
    youth = (await listCategories("en")).find((category) => category.id === youth.id)!;
    expect(youth).toBeUndefined();
    for (const action of ["added", "changed", "moved", "archived"])
      expect((await across((tx) => tx.select().from(auditLog).where(eq(auditLog.action, `forum.category_${action}`)))).length, action).toBeGreaterThan(0);
  });
});

describe("a question turned into a help article draft", () => {
  it("carries the question, the marked answer and a link back, saved as a draft and audited", async () => {
    const { topicId, replyId } = await question("How do I print the directory?", "I need a **paper** copy.");
    expect(await markAnswer(maria, topicId, replyId)).toMatchObject({ ok: true });
    const proposal = (await proposeHelpDraft(staff, topicId))!;
    expect(proposal.answered).toBe(true);
    expect(proposal.draft.body).toContain("I need a **paper** copy.");
    expect(proposal.draft.body).toContain("Open Members, then Households.");
    expect(proposal.draft.body).toContain(`(/community/t/${topicId})`);
    expect(proposal.draft.slug).toMatch(/^how-do-i-print-the-directory-[0-9a-f]{6}$/);
    const { title, slug, body } = proposal.draft;
    const outcome = await createHelpDraft(staff, topicId, { title, slug, body, category: "directory" });
    expect(outcome).toMatchObject({ ok: true });
    const [article] = await across((tx) => tx.select().from(helpArticles).where(eq(helpArticles.slug, slug)));
    expect(article).toMatchObject({ status: "draft", category: "directory", title });
    expect((await auditOf("forum.topic_to_help_draft", topicId))[0]).toMatchObject({ after: { helpArticleId: article!.id } });
    // Only question topics; only staff with manage:help.
    const idea = await startTopic(maria, { category: "ideas", title: "An idea", body: "Dark mode" });
    expect(await proposeHelpDraft(staff, (idea as { topicId: string }).topicId)).toBeNull();
    await expect(proposeHelpDraft(maria, topicId)).rejects.toMatchObject({ status: 403 });
    expect((await browse(staffJar, at(`/community/t/${topicId}/help-draft`))).status).toBe(200);
    expect((await browse(mariaJar, at(`/community/t/${topicId}/help-draft`))).status).toBe(403);
  });
});

describe("privacy", () => {
  it("the member's export holds their posts (hidden ones with the reason), reports and subscriptions", async () => {
    const started = await startTopic(jericho, { category: "tips", title: "Jericho's tip", body: "Use groups." });
    const postId = (started as { postId: string }).postId;
    await moderatePost(staff, postId, { intent: "hide", reason: "Duplicate" });
    const data = await gatherMyData(jericho, { format: "json" });
    expect(data.forumPosts.find((post) => post.id === postId)).toMatchObject({
      topicTitle: "Jericho's tip",
      startedTopic: true,
      state: "hidden",
      moderationReason: "Duplicate",
      body: "Use groups.",
    });
    expect(data.forumActivity.flags.map((flag) => flag.reason)).toContain("Advertising");
    expect(data.forumActivity.subscriptions.map((s) => s.topicTitle)).toContain("Jericho's tip");
    expect(data.forumActivity.profile).toMatchObject({ displayName: jericho.displayName, showChurch: false });
    // Nobody else's posts.
    expect(data.forumPosts.every((post) => post.topicTitle !== "Approval flow")).toBe(true);
  });

  it("erasure makes the forum author a former member and ends subscriptions; the posts stay", async () => {
    const [before] = await across((tx) => tx.select().from(forumAuthors).where(eq(forumAuthors.userId, jericho.id)));
    const posts = await across((tx) => tx.select().from(forumPosts).where(eq(forumPosts.authorId, before!.id)));
    expect(posts.length).toBeGreaterThan(0);
    const erased = await withChurch(jericho.churchId!, (tx) => anonymizePerson(tx, { churchId: jericho.churchId!, userId: jericho.id }), server.database.db);
    expect(erased).toMatchObject({ forumAuthorAnonymized: true });
    expect(erased.forumSubscriptionsRemoved).toBeGreaterThan(0);
    const [after] = await across((tx) => tx.select().from(forumAuthors).where(eq(forumAuthors.id, before!.id)));
    expect(after).toMatchObject({ displayName: FORMER_MEMBER, churchName: null, showChurch: false, userId: null });
    expect(await across((tx) => tx.select().from(forumSubscriptions).where(eq(forumSubscriptions.authorId, before!.id)))).toEqual([]);
    expect(await across((tx) => tx.select().from(forumPosts).where(eq(forumPosts.authorId, before!.id)))).toHaveLength(posts.length);
  });
});

// First: a real SMTP server (SMTP_URL), before any app code reads the environment.
import { inbox, mailTo, stopSmtp } from "../support/smtp";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "~/db/schema.server";
import { forumPosts, forumSettings, forumSubscriptions, forumTopics } from "~/db/schema-forum.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { editPost, replyToTopic, startTopic } from "~/models/forum/posting.server";
import { findCurrentUser, type CurrentUser } from "~/models/users.server";
import { OWASP_XSS_PAYLOADS } from "../fixtures/owasp-xss-payloads";
import { pageText } from "../support/admin-users";
import { browse, CookieJar, postForm } from "../support/browser";
import { problemsIn } from "../support/html-safety";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar } from "../support/sign-in";

/**
 * The community forum's posting side over real HTTP (issue 12): two members
 * of different churches ask and answer, quote, edit within 30 minutes,
 * delete, mark answers; the rules (locked topics, staff-only categories, the
 * hourly limit, approval of a new account's first posts) answer with form
 * errors; a reply e-mails the subscriber once an hour through a real SMTP
 * server, and the e-mail's unsubscribe link works without signing in.
 */

let server: TestServer;
let maria: CookieJar; // member@grace.example
let josefina: CookieJar; // admin@hope.example: another church
let jericho: CookieJar; // leader@grace.example
let staff: CookieJar; // staff@kapatiran.example
let ops: CookieJar; // ops@kapatiran.example: no forum
const person: Record<string, CurrentUser> = {};

const at = (path: string) => `${server.url}${path}`;
const across = <T>(work: (tx: Tx) => Promise<T>) => acrossChurches(work, server.database.db);
const page = async (jar: CookieJar, path: string) => {
  const response = await browse(jar, at(path));
  return { status: response.status, html: (await pageText(response)).replace(/<!-- -->/g, "") };
};
const send = (jar: CookieJar, path: string, fields: Record<string, string>) => postForm(jar, at(path), fields);
const mainOf = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>") + 7);
const topicRow = async (id: string) =>
  (await across((tx) => tx.select().from(forumTopics).where(eq(forumTopics.id, id))))[0]!;
const postsOf = (topicId: string) =>
  across((tx) => tx.select().from(forumPosts).where(eq(forumPosts.topicId, topicId)).orderBy(forumPosts.createdAt));
const settings = (values: { postsPerHour?: number; approveFirstPosts?: number }) =>
  across((tx) => tx.update(forumSettings).set(values).where(eq(forumSettings.id, 1)));

/** Start a topic through the form; the new topic's id. */
async function started(jar: CookieJar, category: string, title: string, body: string): Promise<string> {
  const response = await send(jar, "/community/new", { category, title, body });
  expect(response.status, await response.clone().text()).toBe(302);
  const id = /^\/community\/t\/([0-9a-f-]{36})\?done=started$/.exec(response.headers.get("location") ?? "")?.[1];
  expect(id).toBeDefined();
  return id!;
}

/** Reply through the form; the new post's id (from the redirect's anchor). */
async function replied(jar: CookieJar, topicId: string, body: string, extra: Record<string, string> = {}) {
  const response = await send(jar, `/community/t/${topicId}`, { intent: "reply", body, ...extra });
  expect(response.status, await response.clone().text()).toBe(302);
  return /#post-([0-9a-f-]{36})$/.exec(response.headers.get("location") ?? "")![1]!;
}

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  maria = await signedInJar(server.url, "member@grace.example");
  josefina = await signedInJar(server.url, "admin@hope.example");
  jericho = await signedInJar(server.url, "leader@grace.example");
  staff = await signedInJar(server.url, "staff@kapatiran.example");
  ops = await signedInJar(server.url, "ops@kapatiran.example");
  for (const row of await across((tx) => tx.select({ id: users.id, email: users.email }).from(users)))
    person[row.email] = (await findCurrentUser(row.id))!;
  // Seeding the demo churches and five sign-ins: slow when two cores are shared.
}, 180_000);
afterAll(async () => {
  await server?.close();
  await stopSmtp();
});

describe("asking and answering across churches", () => {
  let topicId: string;
  let answerId: string;

  it("lets members and staff in, nobody else, and names people by display name only", async () => {
    expect((await page(new CookieJar(), "/community")).status).toBe(302);
    expect((await page(ops, "/community")).status).toBe(403);
    expect((await page(staff, "/community")).status).toBe(200);
    const front = await page(maria, "/community");
    expect(front.status).toBe(200);
    expect(front.html).toContain('href="/community/c/questions"');
    expect(front.html).toMatch(/<a class="link" href="\/community">Community<\/a>/);

    topicId = await started(
      maria,
      "questions",
      "How do I print the directory?",
      "I need a **paper** copy for our elders."
    );
    const seen = await page(josefina, `/community/t/${topicId}`);
    expect(seen.status).toBe(200);
    expect(seen.html).toContain("How do I print the directory?");
    expect(seen.html).toContain("<strong>paper</strong>");
    expect(seen.html).toContain("Maria Santos");
    expect(seen.html).not.toContain("Grace Fellowship");
    answerId = await replied(josefina, topicId, "Open the directory and choose *Print*.");
    expect((await topicRow(topicId)).replyCount).toBe(1);
  });

  it("shows the church only once its member opts in", async () => {
    expect((await send(josefina, "/community/settings", { showChurch: "yes" })).status).toBe(302);
    const html = (await page(maria, `/community/t/${topicId}`)).html;
    expect(html).toContain("Josefina Aquino (Hope Chapel (demo))");
    await send(josefina, "/community/settings", {});
    expect((await page(maria, `/community/t/${topicId}`)).html).not.toContain("Hope Chapel");
  });

  it("lets only the topic's author (or staff) mark the answer, and only in questions", async () => {
    expect((await send(josefina, `/community/t/${topicId}`, { intent: "answer", postId: answerId })).status).toBe(403);
    expect((await send(maria, `/community/t/${topicId}`, { intent: "answer", postId: answerId })).status).toBe(302);
    expect((await topicRow(topicId)).answerPostId).toBe(answerId);
    expect((await page(maria, "/community/c/questions")).html).toContain("Answered");
    expect((await send(staff, `/community/t/${topicId}`, { intent: "unanswer" })).status).toBe(302);
    expect((await topicRow(topicId)).answerPostId).toBeNull();
    const audit = await across((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "forum.answer_unmarked"), eq(auditLog.recordId, topicId)))
    );
    expect(audit).toHaveLength(1);
    const idea = await started(maria, "ideas", "Dark mode", "Please.");
    const reply = await replied(josefina, idea, "Yes!");
    const refused = await send(maria, `/community/t/${idea}`, { intent: "answer", postId: reply });
    expect(refused.status).toBe(400);
    expect(await pageText(refused)).toContain("Only questions have answers.");
  });

  it("quotes a post: ?quote= prefills, the reply shows the quoted author and an excerpt", async () => {
    const form = await page(maria, `/community/t/${topicId}?quote=${answerId}`);
    expect(form.html).toContain("You are quoting Josefina Aquino:");
    expect(form.html).toContain(`name="quotedPostId" value="${answerId}"`);
    const quoting = await replied(maria, topicId, "Thank you, that worked.", { quotedPostId: answerId });
    const html = (await page(jericho, `/community/t/${topicId}`)).html;
    const quoted = html.slice(html.indexOf(`id="post-${quoting}"`));
    expect(quoted).toMatch(/<blockquote[^>]*>.*Josefina Aquino wrote:.*Open the directory and choose Print\./s);
  });
});

describe("editing and deleting", () => {
  let topicId: string;
  let mariaPost: string;
  let josefinaPost: string;

  beforeAll(async () => {
    topicId = await started(maria, "tips", "Welcome cards", "We hand out cards.");
    mariaPost = (await postsOf(topicId))[0]!.id;
    josefinaPost = await replied(josefina, topicId, "We do too.");
  });

  it("edits one's own post, shown as edited", async () => {
    expect((await page(maria, `/community/posts/${mariaPost}/edit`)).status).toBe(200);
    const response = await send(maria, `/community/posts/${mariaPost}/edit`, {
      postId: mariaPost,
      body: "We hand out *printed* cards.",
    });
    expect(response.status).toBe(302);
    const html = (await page(josefina, `/community/t/${topicId}`)).html;
    expect(html).toContain("<em>printed</em>");
    expect(html).toContain("(edited)");
  });

  it("answers 403 when the form's id is changed to someone else's post", async () => {
    expect((await page(josefina, `/community/posts/${mariaPost}/edit`)).status).toBe(403);
    const changed = await send(josefina, `/community/posts/${josefinaPost}/edit`, {
      postId: mariaPost,
      body: "Hacked",
    });
    expect(changed.status).toBe(403);
    const empty = await send(josefina, `/community/posts/${josefinaPost}/edit`, { postId: mariaPost, body: "" });
    expect(empty.status).toBe(403);
    expect((await send(josefina, `/community/t/${topicId}`, { intent: "delete", postId: mariaPost })).status).toBe(403);
    const [opening] = await postsOf(topicId);
    expect(opening).toMatchObject({ body: "We hand out *printed* cards.", state: "published" });
  });

  it("allows edits for 30 minutes only (clock injected, and through the page)", async () => {
    const [post] = await postsOf(topicId);
    const at29 = new Date(post!.createdAt.getTime() + 29 * 60_000);
    const at31 = new Date(post!.createdAt.getTime() + 31 * 60_000);
    expect(await editPost(person["member@grace.example"]!, mariaPost, "At 29 minutes", at29)).toMatchObject({
      ok: true,
    });
    expect(await editPost(person["member@grace.example"]!, mariaPost, "At 31 minutes", at31)).toEqual({
      ok: false,
      reason: "too_late",
    });
    // Through the page: the post was written 31 minutes ago.
    const written = new Date(Date.now() - 31 * 60_000);
    await across((tx) => tx.update(forumPosts).set({ createdAt: written }).where(eq(forumPosts.id, mariaPost)));
    const late = await send(maria, `/community/posts/${mariaPost}/edit`, { postId: mariaPost, body: "Too late" });
    expect(late.status).toBe(400);
    expect(await pageText(late)).toContain("Posts can be edited for 30 minutes after posting");
    expect((await page(maria, `/community/t/${topicId}`)).html).not.toContain(
      `href="/community/posts/${mariaPost}/edit"`
    );
  });

  it("deletes one's own reply and keeps the topic's figures right; the opening post takes the topic", async () => {
    const before = await topicRow(topicId);
    expect(before.replyCount).toBe(1);
    expect((await send(josefina, `/community/t/${topicId}`, { intent: "delete", postId: josefinaPost })).status).toBe(
      302
    );
    const after = await topicRow(topicId);
    expect(after.replyCount).toBe(0);
    expect(after.lastActivityAt.getTime()).toBeLessThan(before.lastActivityAt.getTime());
    expect((await page(maria, `/community/t/${topicId}`)).html).not.toContain("We do too.");
    expect((await send(maria, `/community/t/${topicId}`, { intent: "delete", postId: mariaPost })).status).toBe(302);
    expect((await topicRow(topicId)).state).toBe("deleted");
    expect((await page(josefina, `/community/t/${topicId}`)).status).toBe(404);
  });
});

describe("lists and search", () => {
  it("shows 20 topics a page, pinned first, then latest activity", async () => {
    const andrea = person["staff@kapatiran.example"]!;
    const base = Date.now() - 3 * 60 * 60_000;
    const ids: string[] = [];
    for (let i = 0; i < 21; i++) {
      const outcome = await startTopic(
        andrea,
        { category: "announcements", title: `Notice ${i}`, body: `Body ${i}` },
        new Date(base + i * 60_000)
      );
      if (outcome.ok) ids.push(outcome.topicId);
    }
    await across((tx) => tx.update(forumTopics).set({ pinned: true }).where(eq(forumTopics.id, ids[0]!)));
    const first = (await page(maria, "/community/c/announcements")).html;
    expect(first.match(/href="\/community\/t\//g)).toHaveLength(20);
    expect(first).toContain("Page 1 of 2");
    const order = [...first.matchAll(/>Notice (\d+)</g)].map((m) => Number(m[1]));
    expect(order.slice(0, 3)).toEqual([0, 20, 19]);
    const second = (await page(maria, "/community/c/announcements?page=2")).html;
    expect([...second.matchAll(/>Notice (\d+)</g)].map((m) => Number(m[1]))).toEqual([1]);
  });

  it("finds topics by title and by the words of their posts, wildcards taken literally", async () => {
    const topicId = await started(jericho, "tips", "Sunday coffee rota", "Who brings the thermos?");
    await replied(josefina, topicId, "We keep a 100% volunteer zxkalamansi list.");
    expect((await page(maria, "/community?q=coffee")).html).toContain("Sunday coffee rota");
    expect((await page(maria, "/community?q=zxkalamansi")).html).toContain("Sunday coffee rota");
    expect((await page(maria, "/community?q=100%25")).html).toContain("Sunday coffee rota");
    const none = (await page(maria, "/community?q=%25%25zz")).html;
    expect(none).toContain("0 topics found");
  });
});

describe("posting rules", () => {
  it("refuses replies to a locked topic (staff may still write) and members' topics in staff-only categories", async () => {
    const topicId = await started(maria, "ideas", "Lock me", "Text");
    await across((tx) => tx.update(forumTopics).set({ locked: true }).where(eq(forumTopics.id, topicId)));
    const refused = await send(josefina, `/community/t/${topicId}`, { intent: "reply", body: "Late" });
    expect(refused.status).toBe(400);
    expect(await pageText(refused)).toContain("This topic is locked");
    await replied(staff, topicId, "Staff note");
    const staffOnly = await send(maria, "/community/new", { category: "announcements", title: "Mine", body: "x" });
    expect(staffOnly.status).toBe(400);
    expect(await pageText(staffOnly)).toContain("Only the Kapatiran team can start topics in this category.");
  });

  it("answers the hourly limit with a form error, not a 500", async () => {
    await settings({ postsPerHour: 2 });
    try {
      const topicId = await started(staff, "tips", "Rate", "Staff are not limited");
      // Jericho posted one topic in the last hour (above): one more, then no more.
      await replied(jericho, topicId, "one");
      const limited = await send(jericho, `/community/t/${topicId}`, { intent: "reply", body: "two" });
      expect(limited.status).toBe(429);
      expect(await pageText(limited)).toContain("You have posted a lot in the last hour.");
    } finally {
      await settings({ postsPerHour: 20 });
    }
  });

  it("keeps a new account's first posts waiting for approval, shown only to their author", async () => {
    await settings({ approveFirstPosts: 50 });
    try {
      const cristina = await signedInJar(server.url, "admin@grace.example");
      const response = await send(cristina, "/community/new", {
        category: "ideas",
        title: "Waiting topic",
        body: "New here",
      });
      expect(response.headers.get("location")).toMatch(/\?done=startedPending$/);
      const topicId = /\/t\/([0-9a-f-]{36})/.exec(response.headers.get("location")!)![1]!;
      const own = (await page(cristina, `/community/t/${topicId}`)).html;
      expect(own).toContain("Waiting for approval: only you and support staff");
      expect((await page(josefina, `/community/t/${topicId}`)).status).toBe(404);
      expect((await page(josefina, "/community/c/ideas")).html).not.toContain("Waiting topic");
      expect((await page(staff, `/community/t/${topicId}`)).status).toBe(200);
    } finally {
      await settings({ approveFirstPosts: 0 });
    }
  });
});

describe("reply e-mails", () => {
  it("e-mails the subscriber once per topic per hour, never the replier, with a working unsubscribe link", async () => {
    const topicId = await started(maria, "questions", "Where are the groups?", "I cannot find them.");
    const from = inbox.length;
    await replied(josefina, topicId, "Under *Directory*, filter by group.");
    const mail = await mailTo("member@grace.example", from, "Where are the groups?");
    const aboutThis = () =>
      inbox
        .slice(from)
        .filter((m) => m.to.includes("member@grace.example") && m.decoded.includes("Where are the groups?"));
    expect(mail.decoded).toContain("Josefina Aquino replied to “Where are the groups?”");
    expect(mail.decoded).toContain("Under Directory, filter by group.");
    const link = /http:\/\/127\.0\.0\.1:\d+\/community\/unsubscribe\/[A-Za-z0-9_-]+/.exec(mail.decoded)![0];
    expect(mail.raw.replace(/\r\n[ \t]+/g, " ")).toMatch(
      /List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/community\/unsubscribe\/[A-Za-z0-9_-]+>/
    );

    // The replier is not told of her own reply; once she subscribes, she is told of the next one, Maria not again.
    expect(inbox.slice(from).some((m) => m.to.includes("admin@hope.example"))).toBe(false);
    expect((await send(josefina, `/community/t/${topicId}`, { intent: "subscribe" })).status).toBe(302);
    expect((await page(josefina, `/community/t/${topicId}`)).html).toContain("Stop e-mails about this topic");
    await replied(jericho, topicId, "Second reply within the hour");
    await mailTo("admin@hope.example", from, "Where are the groups?");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(aboutThis()).toHaveLength(1);
    expect((await send(josefina, `/community/t/${topicId}`, { intent: "unsubscribe" })).status).toBe(302);

    // An hour later (clock injected): the next reply is told again.
    const later = new Date(Date.now() + 61 * 60_000);
    expect(
      await replyToTopic(person["staff@kapatiran.example"]!, topicId, { body: "Later", quotedPostId: null }, later)
    ).toMatchObject({ ok: true });
    for (let waited = 0; aboutThis().length < 2 && waited < 5000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    expect(aboutThis()).toHaveLength(2);

    const anonymous = new CookieJar();
    const confirm = await page(anonymous, new URL(link).pathname);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain("Stop e-mails about replies to “Where are the groups?”?");
    const subscriptions = () =>
      across((tx) => tx.select().from(forumSubscriptions).where(eq(forumSubscriptions.topicId, topicId)));
    expect(await subscriptions()).toHaveLength(1);
    const done = await postForm(anonymous, link, {});
    expect(done.status).toBe(200);
    expect(await pageText(done)).toContain("Done: you will get no more e-mails about this topic.");
    expect(await subscriptions()).toHaveLength(0);
  });
});

describe("hostile posts", () => {
  it("never serve an OWASP XSS payload as live HTML, in posts or titles", async () => {
    const andrea = person["staff@kapatiran.example"]!;
    const storable = (text: string) => text.replace(/\u0000/g, "");
    const outcome = await startTopic(andrea, {
      category: "tips",
      title: storable(OWASP_XSS_PAYLOADS[1]!),
      body: OWASP_XSS_PAYLOADS.map(storable).join("\n\n"),
    });
    expect(outcome.ok).toBe(true);
    const topicId = (outcome as { topicId: string }).topicId;
    // Straight into the table, as if the form had let them through: one statement, not one request each.
    const [opening] = await postsOf(topicId);
    await across((tx) =>
      tx.insert(forumPosts).values(
        OWASP_XSS_PAYLOADS.map((payload, i) => ({
          topicId,
          authorId: opening!.authorId,
          body: `zx ${i}\n\n${storable(payload)}`,
          createdAt: new Date(opening!.createdAt.getTime() + (i + 1) * 1000),
        }))
      )
    );
    const pages = Math.ceil((OWASP_XSS_PAYLOADS.length + 1) / 20);
    const paths = [
      ...Array.from({ length: pages }, (_, i) => `/community/t/${topicId}?page=${i + 1}`),
      "/community/c/tips",
      "/community",
    ];
    for (const path of paths) {
      // The raw HTML, entities as served: decoding them would turn escaped text into markup.
      const response = await browse(maria, at(path));
      const { status } = response;
      const html = await response.text();
      expect(status, path).toBe(200);
      expect(problemsIn(html, mainOf(html)), path).toEqual([]);
    }
  });
});

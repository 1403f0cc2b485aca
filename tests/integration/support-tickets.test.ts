// First: a real SMTP server (SMTP_URL) and a throwaway upload folder (DATA_DIR), before any app code reads the environment.
import { inbox, mailTo, stopSmtp } from "../support/smtp";
import { localStorageProbe as storage } from "../support/photo-storage-local";
import { and, asc, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, churches, supportTickets, ticketMessages, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { between, pageText } from "../support/admin-users";
import { browse, postForm, type CookieJar } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar } from "../support/sign-in";

/**
 * Support tickets over real HTTP: a member asks (with and without a
 * screenshot), staff answer from the inbox across churches, the requester
 * reads the reply in the app and gets it by e-mail through a real SMTP
 * server; nobody else reaches the ticket or its screenshot.
 */

let server: TestServer;
let maria: CookieJar; // member@grace.example
let jericho: CookieJar; // leader@grace.example: another Grace member
let cristina: CookieJar; // admin@grace.example
let josefina: CookieJar; // admin@hope.example
let staff: CookieJar; // staff@kapatiran.example
let graceId: string;

const at = (path: string) => `${server.url}${path}`;
const across = <T>(work: (tx: Tx) => Promise<T>) => acrossChurches(work, server.database.db);
/** The page as text: entities undone and React's text separators dropped. */
const text = async (response: Response) => (await pageText(response)).replace(/<!-- -->/g, "");
const page = async (jar: CookieJar, path: string) => {
  const response = await browse(jar, at(path));
  return { status: response.status, html: await text(response), headers: response.headers };
};

interface Upload {
  bytes: Uint8Array;
  name: string;
  type: string;
}

/** The /support form as a browser sends it: multipart, with an empty file part when no file was chosen. */
function ask(jar: CookieJar, subject: string, message: string, file?: Upload) {
  const form = new FormData();
  form.set("subject", subject);
  form.set("message", message);
  if (file) form.set("screenshot", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  else form.set("screenshot", new Blob([], { type: "application/octet-stream" }), "");
  return browse(jar, at("/support"), { method: "POST", headers: { origin: server.url }, body: form });
}

/** Ask, expect the redirect to the new ticket, return its id. */
async function opened(jar: CookieJar, subject: string, message: string, file?: Upload): Promise<string> {
  const response = await ask(jar, subject, message, file);
  expect(response.status, await response.clone().text()).toBe(302);
  const location = response.headers.get("location") ?? "";
  const id = /^\/support\/([0-9a-f-]{36})\?done=opened$/.exec(location)?.[1];
  expect(id, location).toBeDefined();
  return id!;
}

const ticketRow = async (id: string) =>
  (await across((tx) => tx.select().from(supportTickets).where(eq(supportTickets.id, id))))[0];
const messagesOf = (id: string) =>
  across((tx) =>
    tx.select().from(ticketMessages).where(eq(ticketMessages.ticketId, id)).orderBy(asc(ticketMessages.createdAt))
  );
const auditOf = (action: string, recordId: string) =>
  across((tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.recordId, recordId)))
  );
const ticketCount = async () =>
  (await across((tx) => tx.select({ id: supportTickets.id }).from(supportTickets))).length;

/** A phone-style JPEG screenshot carrying EXIF (author, GPS) that must not survive. */
async function screenshotJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 720, height: 1280, channels: 3, background: { r: 240, g: 240, b: 235 } } })
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Artist: "Maria Santos" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "14/1 35/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "121/1 2/1 0/1" },
    })
    .toBuffer();
}

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  maria = await signedInJar(server.url, "member@grace.example");
  jericho = await signedInJar(server.url, "leader@grace.example");
  cristina = await signedInJar(server.url, "admin@grace.example");
  josefina = await signedInJar(server.url, "admin@hope.example");
  staff = await signedInJar(server.url, "staff@kapatiran.example");
  graceId = (await across((tx) => tx.select().from(churches).where(eq(churches.slug, "grace"))))[0]!.id;
});
afterAll(async () => {
  await server?.close();
  await stopSmtp();
  await storage.close();
});

describe("asking a question", () => {
  let plainId: string;
  let withShotId: string;

  it("opens a ticket from the form, shows it with a status message, lists it, and audits it", async () => {
    const form = await page(maria, "/support");
    expect(form.status).toBe(200);
    expect(form.headers.get("cache-control")).toBe("private, no-store");
    expect(form.html).toMatch(/<form method="post" enctype="multipart\/form-data"/i);
    expect(form.html).toMatch(/<label[^>]*for="field-subject"[^>]*>Subject</);
    expect(form.html).toMatch(/<label[^>]*for="field-message"[^>]*>Your question</);
    expect(form.html).toMatch(/<label[^>]*for="field-screenshot"[^>]*>Screenshot \(optional\)</);
    expect(form.html).toContain('href="/help"');
    expect(form.html).toContain("You have not asked anything yet.");

    plainId = await opened(
      maria,
      "Cannot find my household",
      "I added my son but he does not show up.\nWhat should I do?"
    );
    const ticket = await page(maria, `/support/${plainId}?done=opened`);
    expect(ticket.status).toBe(200);
    expect(ticket.headers.get("cache-control")).toBe("private, no-store");
    expect(ticket.html).toContain("Your question is sent. We will reply here and by e-mail.");
    expect(ticket.html).toContain("Cannot find my household");
    expect(ticket.html).toContain("I added my son but he does not show up.\nWhat should I do?");
    expect(ticket.html).toContain("Status: Waiting for support");
    expect(ticket.html).toContain("Maria Santos");
    expect(ticket.html).not.toContain("Open the screenshot you sent");

    const row = await ticketRow(plainId);
    expect(row).toMatchObject({
      churchId: graceId,
      status: "open",
      priority: false,
      screenshotKey: null,
      subject: "Cannot find my household",
    });
    expect(await messagesOf(plainId)).toHaveLength(1);
    const [audit] = await auditOf("ticket.opened", plainId);
    expect(audit).toMatchObject({
      churchId: graceId,
      after: { subject: "Cannot find my household", priority: false, screenshot: false },
    });

    const list = await page(maria, "/support");
    expect(between(list.html, "Your questions", "</ul>")).toContain(`href="/support/${plainId}"`);
    expect(between(list.html, "Your questions", "</ul>")).toContain("Waiting for support");
  });

  it("keeps a screenshot as a WebP without metadata, shown to the requester and staff only", async () => {
    const jpeg = await screenshotJpeg();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    withShotId = await opened(maria, "Photo upload looks wrong", "See the screenshot.", {
      bytes: jpeg,
      name: "Screenshot_20260101.jpg",
      type: "image/jpeg",
    });
    const row = await ticketRow(withShotId);
    expect(row!.screenshotKey).toBe(`tickets/${graceId}/${withShotId}.webp`);
    expect(await storage.keys()).toContain(row!.screenshotKey);
    const stored = (await storage.read(row!.screenshotKey!))!;
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 720, height: 1280 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect((await auditOf("ticket.opened", withShotId))[0]?.after).toMatchObject({ screenshot: true });

    const ticket = await page(maria, `/support/${withShotId}`);
    expect(ticket.html).toContain(`href="/support/${withShotId}/screenshot"`);
    for (const jar of [maria, staff]) {
      const image = await browse(jar, at(`/support/${withShotId}/screenshot`));
      expect(image.status).toBe(200);
      expect(image.headers.get("content-type")).toBe("image/webp");
      expect(image.headers.get("cache-control")).toMatch(/^private/);
      expect(Buffer.from(await image.arrayBuffer()).equals(stored)).toBe(true);
    }
    for (const jar of [jericho, cristina, josefina]) {
      expect((await browse(jar, at(`/support/${withShotId}/screenshot`))).status).toBe(404);
    }
    expect((await browse(maria, at(`/support/${plainId}/screenshot`))).status).toBe(404);
    expect((await browse(maria, at("/support/not-a-ticket/screenshot"))).status).toBe(404);
  });

  it("refuses a text file named .png, with the message, keeping what was typed", async () => {
    const before = { tickets: await ticketCount(), keys: await storage.keys() };
    const response = await ask(maria, "Login problem", "It says my account is unknown.", {
      bytes: new TextEncoder().encode("Dear support, this is a shopping list, not a picture.\n"),
      name: "screenshot.png",
      type: "image/png",
    });
    expect(response.status).toBe(400);
    const html = await text(response);
    expect(html).toContain("This file is not an image we can use. Please send a PNG, JPEG or WebP screenshot.");
    expect(html).toMatch(/<input[^>]*id="field-screenshot"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="Login problem"');
    expect(html).toMatch(/<textarea[^>]*>It says my account is unknown.<\/textarea>/);
    expect(await ticketCount()).toBe(before.tickets);
    expect(await storage.keys()).toEqual(before.keys);
  });

  it("refuses a file over 5 MB, keeping what was typed", async () => {
    const before = await ticketCount();
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const response = await ask(maria, "Big picture", "Here is a big one.", {
      bytes: big,
      name: "big.png",
      type: "image/png",
    });
    expect(response.status).toBe(400);
    const html = await text(response);
    expect(html).toContain("This file is larger than 5 MB. Please choose a smaller screenshot.");
    expect(html).toContain('value="Big picture"');
    expect(html).toMatch(/<textarea[^>]*>Here is a big one.<\/textarea>/);
    expect(await ticketCount()).toBe(before);
  });

  it("asks for a subject and a message, refuses over-long ones, and keeps the input", async () => {
    const before = await ticketCount();
    const empty = await ask(maria, "  ", "");
    expect(empty.status).toBe(400);
    const emptyHtml = await text(empty);
    expect(emptyHtml).toContain("Please check the form: something needs fixing.");
    expect(emptyHtml).toMatch(/<input[^>]*id="field-subject"[^>]*aria-invalid="true"/);
    expect(emptyHtml).toMatch(/<textarea[^>]*aria-invalid="true"/);
    expect(emptyHtml.match(/This is required\./g)).toHaveLength(2);

    const long = await ask(maria, "S".repeat(151), `${"m".repeat(5001)}`);
    expect(long.status).toBe(400);
    const longHtml = await text(long);
    expect(longHtml).toContain("Keep the subject to 150 characters or fewer.");
    expect(longHtml).toContain("Keep the message to 5,000 characters or fewer.");
    expect(longHtml).toContain(`value="${"S".repeat(151)}"`);

    // A plain (not multipart) post is read the same way.
    const plain = await postForm(maria, at("/support"), { subject: "", message: "Only a message" });
    expect(plain.status).toBe(400);
    expect(await text(plain)).toMatch(/<textarea[^>]*>Only a message<\/textarea>/);
    expect(await ticketCount()).toBe(before);
  });

  it("answers 404 to anyone else, in this church or another, and for malformed ids", async () => {
    for (const jar of [jericho, cristina, josefina]) {
      expect((await page(jar, `/support/${plainId}`)).status).toBe(404);
      const reply = await postForm(jar, at(`/support/${plainId}`), { intent: "reply", message: "Let me in" });
      expect(reply.status).toBe(404);
      const close = await postForm(jar, at(`/support/${plainId}`), { intent: "close" });
      expect(close.status).toBe(404);
    }
    expect((await messagesOf(plainId)).map((m) => m.body)).not.toContain("Let me in");
    expect((await ticketRow(plainId))!.status).toBe("open");
    expect((await page(maria, "/support/not-a-ticket")).status).toBe(404);
    expect((await page(maria, "/support/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    // Nobody else's list shows it.
    expect((await page(jericho, "/support")).html).not.toContain(plainId);
  });
});

describe("the staff inbox", () => {
  let graceAdminTicket: string;
  let hopeTicket: string;
  let mariaTicket: string;

  beforeAll(async () => {
    mariaTicket = await opened(maria, "Directory search is slow", "It takes a long time on my phone.");
    hopeTicket = await opened(josefina, "How do I import members?", "We have a spreadsheet of 50 members.");
    graceAdminTicket = await opened(cristina, "Need to merge two records", "Two records for the same person.");
  });

  it("is for support staff only", async () => {
    expect((await page(maria, "/staff/tickets")).status).toBe(403);
    expect((await page(cristina, "/staff/tickets")).status).toBe(403);
    expect((await page(maria, `/staff/tickets/${mariaTicket}`)).status).toBe(403);
    const reply = await postForm(maria, at(`/staff/tickets/${mariaTicket}`), {
      intent: "reply",
      message: "Hi",
      status: "waiting",
    });
    expect(reply.status).toBe(403);
    expect((await page(staff, "/staff/tickets/not-a-ticket")).status).toBe(404);
    expect((await page(staff, "/staff/tickets/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("shows open tickets across churches, an administrator's marked priority and first", async () => {
    const { status, html, headers } = await page(staff, "/staff/tickets");
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("private, no-store");
    for (const id of [mariaTicket, hopeTicket, graceAdminTicket]) expect(html).toContain(`href="/staff/tickets/${id}"`);
    expect(html).toContain("Grace Fellowship (demo) · Maria Santos");
    expect(html).toContain("Hope Chapel (demo) · Josefina Aquino");
    expect(html).toContain("Grace Fellowship (demo) · Cristina Villanueva");

    // Administrators' questions first (newest of all here, so only priority puts them first), then oldest activity.
    const order = [...html.matchAll(/href="\/staff\/tickets\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(order.indexOf(hopeTicket)).toBeLessThan(order.indexOf(mariaTicket));
    expect(order.indexOf(graceAdminTicket)).toBeLessThan(order.indexOf(mariaTicket));
    expect(order.indexOf(hopeTicket)).toBeLessThan(order.indexOf(graceAdminTicket));
    const adminItem = between(html, `href="/staff/tickets/${graceAdminTicket}"`, "</li>");
    const itemStart = html.lastIndexOf("<li", html.indexOf(`href="/staff/tickets/${graceAdminTicket}"`));
    expect(html.slice(itemStart, html.indexOf("</li>", itemStart))).toContain(">Priority<");
    expect(adminItem).toContain("Open");
    const memberStart = html.lastIndexOf("<li", html.indexOf(`href="/staff/tickets/${mariaTicket}"`));
    expect(html.slice(memberStart, html.indexOf("</li>", memberStart))).not.toContain("Priority");
    expect((await ticketRow(graceAdminTicket))!.priority).toBe(true);
    expect((await ticketRow(mariaTicket))!.priority).toBe(false);

    // The filter is a GET form; an unknown value falls back to open ones.
    expect(html).toMatch(/<form method="get"/);
    expect((await page(staff, "/staff/tickets?status=nonsense")).status).toBe(200);
    expect((await page(staff, "/staff/tickets?status=closed")).html).not.toContain(
      `href="/staff/tickets/${mariaTicket}"`
    );
  });

  it("a staff reply reaches the requester in the app and by e-mail; the ticket waits for them", async () => {
    const thread = await page(staff, `/staff/tickets/${mariaTicket}`);
    expect(thread.status).toBe(200);
    expect(thread.html).toContain("Directory search is slow");
    expect(thread.html).toContain("Asked by Maria Santos of Grace Fellowship (demo)");
    expect(thread.html).toContain("E-mail: member@grace.example");

    const mailsBefore = inbox.length;
    const reply = await postForm(staff, at(`/staff/tickets/${mariaTicket}`), {
      intent: "reply",
      message: "Thank you! Try turning on Data saver.\nIt loads faster without photos.",
      status: "waiting",
    });
    expect(reply.status).toBe(302);
    expect(reply.headers.get("location")).toBe(`/staff/tickets/${mariaTicket}?done=replied`);
    expect((await page(staff, `/staff/tickets/${mariaTicket}?done=replied`)).html).toContain(
      "Your reply is sent, and the requester was e-mailed."
    );
    expect((await ticketRow(mariaTicket))!.status).toBe("waiting");
    const [audit] = await auditOf("ticket.staff_replied", mariaTicket);
    expect(audit).toMatchObject({ churchId: graceId, before: { status: "open" }, after: { status: "waiting" } });

    const mine = await page(maria, `/support/${mariaTicket}`);
    expect(mine.html).toContain("Kapatiran support");
    expect(mine.html).toContain("Thank you! Try turning on Data saver.\nIt loads faster without photos.");
    expect(mine.html).toContain("Status: Waiting for your reply");
    // The requester is not told which staff member answered.
    expect(mine.html).not.toContain("Andrea Pascual");
    const replyAt = mine.html.indexOf("Thank you! Try turning on Data saver.");
    expect(mine.html.indexOf("It takes a long time on my phone.")).toBeLessThan(replyAt);

    const mail = await mailTo("member@grace.example", mailsBefore);
    expect(mail.decoded).toContain("Subject: Re: Directory search is slow");
    expect(mail.decoded).toContain("Hello Maria Santos,");
    expect(mail.decoded).toContain("Thank you! Try turning on Data saver.");
    expect(mail.decoded).toContain("It loads faster without photos.");
    expect(mail.decoded).toContain(`${server.url}/support/${mariaTicket}`);
    expect(mail.decoded).toContain("text/plain");
    expect(mail.decoded).not.toContain("text/html");
  });

  it("the requester's reply opens it again; they can close it; staff can set any status", async () => {
    const answer = await postForm(maria, at(`/support/${mariaTicket}`), {
      intent: "reply",
      message: "That helped, thanks.",
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(`/support/${mariaTicket}?done=replied`);
    expect((await ticketRow(mariaTicket))!.status).toBe("open");
    expect((await auditOf("ticket.replied", mariaTicket))[0]).toMatchObject({
      before: { status: "waiting" },
      after: { status: "open" },
    });
    expect((await page(staff, "/staff/tickets")).html).toContain(`href="/staff/tickets/${mariaTicket}"`);

    const close = await postForm(maria, at(`/support/${mariaTicket}`), { intent: "close" });
    expect(close.headers.get("location")).toBe(`/support/${mariaTicket}?done=closed`);
    expect((await ticketRow(mariaTicket))!.status).toBe("closed");
    expect((await auditOf("ticket.closed", mariaTicket))[0]).toMatchObject({ after: { status: "closed" } });
    expect((await page(staff, "/staff/tickets")).html).not.toContain(`href="/staff/tickets/${mariaTicket}"`);
    expect((await page(staff, "/staff/tickets?status=closed")).html).toContain(`href="/staff/tickets/${mariaTicket}"`);

    const reopen = await postForm(staff, at(`/staff/tickets/${mariaTicket}`), { intent: "status", status: "open" });
    expect(reopen.headers.get("location")).toBe(`/staff/tickets/${mariaTicket}?done=status`);
    expect((await ticketRow(mariaTicket))!.status).toBe("open");
    expect((await auditOf("ticket.status_changed", mariaTicket))[0]).toMatchObject({
      churchId: graceId,
      before: { status: "closed" },
      after: { status: "open" },
    });
    const bad = await postForm(staff, at(`/staff/tickets/${mariaTicket}`), { intent: "status", status: "archived" });
    expect(bad.status).toBe(400);

    // A reply that closes the question in one go.
    const closing = await postForm(staff, at(`/staff/tickets/${mariaTicket}`), {
      intent: "reply",
      message: "Glad it works.",
      status: "closed",
    });
    expect(closing.status).toBe(302);
    expect((await ticketRow(mariaTicket))!.status).toBe("closed");
    expect((await page(maria, "/support")).html).toMatch(/Directory search is slow[\s\S]*?Closed/);
  });

  it("refuses an empty or over-long staff reply, keeping the input", async () => {
    const empty = await postForm(staff, at(`/staff/tickets/${hopeTicket}`), {
      intent: "reply",
      message: " ",
      status: "waiting",
    });
    expect(empty.status).toBe(400);
    expect(await text(empty)).toContain("This is required.");
    const long = await postForm(staff, at(`/staff/tickets/${hopeTicket}`), {
      intent: "reply",
      message: "x".repeat(5001),
      status: "waiting",
    });
    expect(long.status).toBe(400);
    const html = await text(long);
    expect(html).toContain("Keep the message to 5,000 characters or fewer.");
    expect(html).toContain("x".repeat(5001));
    const badStatus = await postForm(staff, at(`/staff/tickets/${hopeTicket}`), {
      intent: "reply",
      message: "Hi",
      status: "open",
    });
    expect(badStatus.status).toBe(400);
    expect(await messagesOf(hopeTicket)).toHaveLength(1);
  });

  it("writes the e-mail in the requester's language", async () => {
    await across((tx) => tx.update(users).set({ locale: "fil" }).where(eq(users.email, "admin@hope.example")));
    const mailsBefore = inbox.length;
    const reply = await postForm(staff, at(`/staff/tickets/${hopeTicket}`), {
      intent: "reply",
      message: "Gamitin ang Import sa Administration.",
      status: "waiting",
    });
    expect(reply.status).toBe(302);
    const mail = await mailTo("admin@hope.example", mailsBefore);
    expect(mail.decoded).toContain("Subject: Re: How do I import members?");
    expect(mail.decoded).toContain("Kumusta Josefina Aquino,");
    expect(mail.decoded).toContain("Sumagot ang suporta ng Kapatiran");
    expect(mail.decoded).toContain("Gamitin ang Import sa Administration.");
    expect(mail.decoded).toContain(`${server.url}/support/${hopeTicket}`);
  });

  it("keeps the reply when the mail server refuses, and says so", async () => {
    const jerichoTicket = await opened(jericho, "Roster question", "Can I add a visitor?");
    await across((tx) =>
      tx.update(users).set({ email: "jericho@refused.example" }).where(eq(users.email, "leader@grace.example"))
    );
    const reply = await postForm(staff, at(`/staff/tickets/${jerichoTicket}`), {
      intent: "reply",
      message: "Yes, ask your admin.",
      status: "waiting",
    });
    expect(reply.headers.get("location")).toBe(`/staff/tickets/${jerichoTicket}?done=repliedMailFailed`);
    expect((await page(staff, `/staff/tickets/${jerichoTicket}?done=repliedMailFailed`)).html).toContain(
      "Your reply is saved and shows in the app, but the e-mail to the requester could not be sent."
    );
    expect((await messagesOf(jerichoTicket)).map((m) => m.body)).toContain("Yes, ask your admin.");
    expect((await page(jericho, `/support/${jerichoTicket}`)).html).toContain("Yes, ask your admin.");
  });

  it("sends staff who open /support to the inbox, and a ticket link to the staff view", async () => {
    const support = await page(staff, "/support");
    expect(support.status).toBe(200);
    expect(support.html).toContain("questions from every church arrive in the support inbox");
    expect(support.html).toContain('href="/staff/tickets"');
    expect(support.html).not.toContain('name="subject"');
    const link = await browse(staff, at(`/support/${mariaTicket}`));
    expect(link.status).toBe(302);
    expect(link.headers.get("location")).toBe(`/staff/tickets/${mariaTicket}`);
    expect((await ask(staff, "Staff question", "Can staff ask?")).status).toBe(403);
  });

  it("shows the Support link to signed-in users and the Support desk link to staff", async () => {
    const member = await page(maria, "/support");
    expect(member.html).toContain('href="/support"');
    expect(member.html).not.toContain(">Support desk<");
    const desk = await page(staff, "/staff/tickets");
    expect(desk.html).toMatch(/<a[^>]*href="\/staff\/tickets"[^>]*>Support desk</);
  });
});

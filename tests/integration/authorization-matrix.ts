/**
 * Who gets what, for every route of the app: the machine-readable table that
 * tests/integration/authorization-matrix.test.ts walks against a running
 * server. A route missing from this table fails that test, so every new
 * route arrives with its row.
 *
 * Personas (demo accounts): anonymous; member, leader (leads Grace's Youth
 * Ministry), admin (church_admin of Grace), staff (support_staff), ops
 * (platform_admin), otherAdmin (church_admin of Hope — every `:id` below is a
 * Grace record, so otherAdmin must never get a 200 on one).
 *
 * Placeholders in paths are filled from the demo data by the test:
 * :graceUserId, :graceMemberId (member@grace's own, listed), :graceImportId (an
 * uploaded CSV waiting in Grace), :graceRoleId (a custom role of Grace), :graceGroupId
 * (Youth Ministry), :otherGraceGroupId (a Grace group the leader does not lead),
 * :graceTicketId (a support question of member@grace), :forumTopicId (a forum question of
 * member@grace) and :forumReplyId (admin@hope's reply to it).
 */

export const PERSONAS = ["anonymous", "member", "leader", "admin", "staff", "ops", "otherAdmin"] as const;
export type Persona = (typeof PERSONAS)[number];

export type Expected = number | readonly number[];

export interface MatrixRow {
  /** The Remix route pattern this row covers (as the build reports it), or an Express path. */
  route: string;
  method: "GET" | "POST";
  /** The concrete path requested; defaults to `route`. */
  path?: string;
  /** Form fields for a POST: chosen so that an allowed persona gets a harmless answer (usually 400). */
  form?: Record<string, string>;
  expect: Record<Persona, Expected>;
}

/** Shorthands for the common shapes. */
const signedInOnly = (allowed: Expected): Record<Persona, Expected> => ({
  anonymous: 302,
  member: allowed,
  leader: allowed,
  admin: allowed,
  staff: allowed,
  ops: allowed,
  otherAdmin: allowed,
});
const everyone = (status: Expected): Record<Persona, Expected> => ({ ...signedInOnly(status), anonymous: status });
/** The forum's people: everyone signed in but platform operators (neither post:forum nor moderate:forum). */
const forumUsers = (allowed: Expected): Record<Persona, Expected> => ({ ...signedInOnly(allowed), ops: 403 });
/** Signed-in personas not named get 403; anonymous visitors are sent to sign in. */
const only = (allowed: Partial<Record<Persona, Expected>>): Record<Persona, Expected> => ({
  ...signedInOnly(403),
  ...allowed,
});

export const MATRIX: MatrixRow[] = [
  // Public pages and plumbing
  { route: "/", method: "GET", expect: { ...everyone(302), anonymous: 200 } },
  { route: "/*", method: "GET", path: "/no-such-page", expect: everyone(404) },
  { route: "/language", method: "GET", expect: everyone(302) },
  { route: "/language", method: "POST", form: { lng: "fil", redirectTo: "/" }, expect: everyone(302) },
  { route: "/locales/:lng/:ns", method: "GET", path: "/locales/fil/common", expect: everyone(200) },
  { route: "/healthz", method: "GET", expect: everyone(200) },
  { route: "/readyz", method: "GET", expect: everyone(200) },
  // The test client is on the box itself (loopback), which is who may read metrics.
  { route: "/metrics", method: "GET", expect: everyone(200) },
  // Browser reports from public/ops.js (issue 8): anyone may send them; a form is no report (400),
  // and page-load figures need analytics consent, which these test browsers never gave (403).
  { route: "/api/client-errors", method: "POST", form: { message: "" }, expect: everyone(400) },
  { route: "/api/client-errors", method: "GET", expect: everyone(405) },
  { route: "/api/beacon", method: "POST", form: { lcp: "1" }, expect: everyone(403) },
  { route: "/api/beacon", method: "GET", expect: everyone(405) },

  // Sign-in
  { route: "/auth/login", method: "GET", expect: everyone(302) },
  // Without `state` the callback starts a fresh sign-in (remix-auth-oauth2); a wrong
  // state is a 400, walked in sign-in.test.ts.
  { route: "/auth/callback", method: "GET", expect: everyone(302) },
  // GET never signs anyone out; the POST is walked in sign-in.test.ts (it would end these sessions).
  { route: "/auth/logout", method: "GET", expect: everyone(302) },

  // Member pages
  {
    route: "/directory",
    method: "GET",
    expect: { ...signedInOnly(200), staff: 403, ops: 403 },
  },
  {
    route: "/directory/:memberId",
    method: "GET",
    path: "/directory/:graceMemberId",
    expect: { ...signedInOnly(200), staff: 403, ops: 403, otherAdmin: 404 },
  },
  // Maria has no photo in the demo data: 404 for everyone who may see the directory.
  {
    route: "/photos/:memberId/:size",
    method: "GET",
    path: "/photos/:graceMemberId/96",
    expect: { ...signedInOnly(404), staff: 403, ops: 403 },
  },
  { route: "/directory/print", method: "GET", expect: { ...signedInOnly(200), staff: 403, ops: 403 } },
  { route: "/directory/print.pdf", method: "GET", expect: { ...signedInOnly(200), staff: 403, ops: 403 } },
  { route: "/me", method: "GET", expect: signedInOnly(200) },
  { route: "/me", method: "POST", form: { intent: "no-such-action" }, expect: signedInOnly(400) },
  { route: "/me/photo", method: "GET", expect: signedInOnly(200) },
  // Data saver needs no sign-in, so an unknown intent is a 400 for everyone, anonymous included.
  { route: "/me/photo", method: "POST", form: { intent: "no-such-action" }, expect: everyone(400) },
  // Platform staff have no member record, so no privacy choices to make.
  { route: "/me/privacy", method: "GET", expect: { ...signedInOnly(200), staff: 404, ops: 404 } },
  {
    route: "/me/privacy",
    method: "POST",
    form: { intent: "preview", name: "everyone" },
    expect: { ...signedInOnly(400), staff: 404, ops: 404 },
  },

  // My data (issue 7): everyone signed in may download their own data, platform
  // staff included (their roles lack export:data:own; the law does not ask for it).
  // Loader-only routes: a POST exports nothing.
  { route: "/me/data", method: "GET", expect: signedInOnly(200) },
  { route: "/me/data", method: "POST", form: { intent: "export" }, expect: everyone(405) },
  { route: "/me/data.json", method: "GET", expect: signedInOnly(200) },
  { route: "/me/data.json", method: "POST", expect: everyone(405) },
  { route: "/me/data.zip", method: "GET", expect: signedInOnly(200) },
  { route: "/me/data.zip", method: "POST", expect: everyone(405) },

  // Administration. Every `:id` is a Grace record: Hope's admin gets 404 on each.
  {
    route: "/admin",
    method: "GET",
    // Administrators see the getting-started checklist; leaders land on their groups' rosters.
    expect: { anonymous: 302, member: 403, leader: 302, admin: 200, staff: 403, ops: 403, otherAdmin: 200 },
  },
  { route: "/admin/users", method: "GET", expect: only({ admin: 200, otherAdmin: 200 }) },
  {
    route: "/admin/users",
    method: "POST",
    form: { intent: "invite", email: "not an e-mail" },
    expect: only({ admin: 400, otherAdmin: 400 }),
  },
  {
    route: "/admin/users/:userId",
    method: "GET",
    path: "/admin/users/:graceUserId",
    expect: only({ admin: 200, otherAdmin: 404 }),
  },
  {
    route: "/admin/users/:userId",
    method: "POST",
    path: "/admin/users/:graceUserId",
    form: { intent: "role", roleId: "not-a-role" },
    expect: only({ admin: 400, otherAdmin: 404 }),
  },
  { route: "/admin/audit", method: "GET", expect: only({ admin: 200, otherAdmin: 200 }) },
  { route: "/admin/audit/export.csv", method: "GET", expect: only({ admin: 200, otherAdmin: 200 }) },
  { route: "/admin/members", method: "GET", expect: only({ admin: 200, otherAdmin: 200 }) },
  { route: "/admin/members", method: "POST", form: { intent: "add" }, expect: only({ admin: 400, otherAdmin: 400 }) },
  {
    route: "/admin/members/:memberId",
    method: "GET",
    path: "/admin/members/:graceMemberId",
    expect: only({ admin: 200, otherAdmin: 404 }),
  },
  {
    route: "/admin/members/:memberId",
    method: "POST",
    path: "/admin/members/:graceMemberId",
    form: { intent: "remove" },
    expect: only({ admin: 400, otherAdmin: 404 }),
  },
  { route: "/admin/members/households", method: "GET", expect: only({ admin: 200, otherAdmin: 200 }) },
  {
    route: "/admin/members/households",
    method: "POST",
    form: { intent: "rename" },
    expect: only({ admin: 400, otherAdmin: 400 }),
  },
  { route: "/admin/members/export.csv", method: "GET", expect: only({ admin: 200, otherAdmin: 200 }) },
  { route: "/admin/members/import", method: "GET", expect: only({ admin: 200, otherAdmin: 200 }) },
  { route: "/admin/members/import", method: "POST", form: { file: "" }, expect: only({ admin: 400, otherAdmin: 400 }) },
  {
    route: "/admin/members/import/:importId",
    method: "GET",
    path: "/admin/members/import/:graceImportId",
    expect: only({ admin: 200, otherAdmin: 404 }),
  },
  {
    route: "/admin/members/import/:importId",
    method: "POST",
    path: "/admin/members/import/:graceImportId",
    form: { intent: "map" },
    expect: only({ admin: 400, otherAdmin: 404 }),
  },
  {
    route: "/admin/members/import/:importId/preview",
    method: "GET",
    path: "/admin/members/import/:graceImportId/preview",
    expect: only({ admin: 200, otherAdmin: 404 }),
  },
  {
    route: "/admin/members/import/:importId/preview",
    method: "POST",
    path: "/admin/members/import/:graceImportId/preview",
    form: { intent: "import", duplicates: "neither" },
    expect: only({ admin: 400, otherAdmin: 404 }),
  },
  {
    // The result page reads a finished import's audit entry; this upload has none yet.
    route: "/admin/members/import/:importId/result",
    method: "GET",
    path: "/admin/members/import/:graceImportId/result",
    expect: only({ admin: 404, otherAdmin: 404 }),
  },
  { route: "/admin/roles", method: "GET", expect: only({ admin: 200, otherAdmin: 200 }) },
  { route: "/admin/roles", method: "POST", form: { name: "" }, expect: only({ admin: 400, otherAdmin: 400 }) },
  {
    route: "/admin/roles/:roleId",
    method: "GET",
    path: "/admin/roles/:graceRoleId",
    expect: only({ admin: 200, otherAdmin: 404 }),
  },
  {
    route: "/admin/roles/:roleId",
    method: "POST",
    path: "/admin/roles/:graceRoleId",
    form: { intent: "update", name: "" },
    expect: only({ admin: 400, otherAdmin: 404 }),
  },
  { route: "/admin/groups", method: "GET", expect: only({ leader: 200, admin: 200, otherAdmin: 200 }) },
  { route: "/admin/groups", method: "POST", form: { name: "" }, expect: only({ admin: 400, otherAdmin: 400 }) },
  {
    route: "/admin/groups/:groupId",
    method: "GET",
    path: "/admin/groups/:graceGroupId",
    expect: only({ leader: 200, admin: 200, otherAdmin: 404 }),
  },
  {
    route: "/admin/groups/:groupId",
    method: "GET",
    path: "/admin/groups/:otherGraceGroupId",
    expect: only({ admin: 200, otherAdmin: 404 }),
  },
  {
    route: "/admin/groups/:groupId",
    method: "POST",
    path: "/admin/groups/:graceGroupId",
    form: { intent: "nope" },
    expect: only({ leader: 400, admin: 400, otherAdmin: 404 }),
  },

  // Support tickets (issue 6). :graceTicketId is member@grace's own question, without a screenshot.
  // Platform staff have open:ticket but no church: /support explains the inbox to them (200), will
  // not open a ticket (403), and a ticket link takes them to the staff view (302). ops has neither.
  { route: "/support", method: "GET", expect: { ...signedInOnly(200), ops: 403 } },
  { route: "/support", method: "POST", form: { subject: "" }, expect: { ...signedInOnly(400), staff: 403, ops: 403 } },
  {
    route: "/support/:ticketId",
    method: "GET",
    path: "/support/:graceTicketId",
    expect: { ...signedInOnly(404), member: 200, staff: 302, ops: 403 },
  },
  {
    route: "/support/:ticketId",
    method: "GET",
    path: "/support/not-a-ticket",
    expect: { ...signedInOnly(404), staff: 302, ops: 403 },
  },
  {
    route: "/support/:ticketId",
    method: "POST",
    path: "/support/:graceTicketId",
    form: { intent: "nope" },
    expect: { ...signedInOnly(404), member: 400, staff: 302, ops: 403 },
  },
  // No screenshot on this ticket: 404 even for its requester and staff (served in support-tickets.test.ts).
  {
    route: "/support/:ticketId/screenshot",
    method: "GET",
    path: "/support/:graceTicketId/screenshot",
    expect: { ...signedInOnly(404), ops: 403 },
  },
  { route: "/support/:ticketId/screenshot", method: "POST", path: "/support/:graceTicketId/screenshot", expect: everyone(405) },
  { route: "/staff/tickets", method: "GET", expect: only({ staff: 200 }) },
  { route: "/staff/tickets", method: "POST", form: { status: "open" }, expect: everyone(405) },
  {
    route: "/staff/tickets/:ticketId",
    method: "GET",
    path: "/staff/tickets/:graceTicketId",
    expect: only({ staff: 200 }),
  },
  { route: "/staff/tickets/:ticketId", method: "GET", path: "/staff/tickets/not-a-ticket", expect: only({ staff: 404 }) },
  {
    route: "/staff/tickets/:ticketId",
    method: "POST",
    path: "/staff/tickets/:graceTicketId",
    form: { intent: "nope" },
    expect: only({ staff: 400 }),
  },

  // Help editing by support staff (/staff/help*): staff only; the POSTs are harmless invalid forms.
  { route: "/staff/help", method: "GET", expect: only({ staff: 200 }) },
  { route: "/staff/help", method: "POST", form: { intent: "create", title: "" }, expect: only({ staff: 400 }) },
  { route: "/staff/help/:articleId", method: "GET", path: "/staff/help/:helpArticleId", expect: only({ staff: 200 }) },
  { route: "/staff/help/:articleId", method: "GET", path: "/staff/help/not-an-article", expect: only({ staff: 404 }) },
  {
    route: "/staff/help/:articleId",
    method: "POST",
    path: "/staff/help/:helpArticleId",
    form: { intent: "save", title: "" },
    expect: only({ staff: 400 }),
  },
  {
    route: "/staff/help/:articleId/history",
    method: "GET",
    path: "/staff/help/:helpArticleId/history",
    expect: only({ staff: 200 }),
  },
  {
    route: "/staff/help/:articleId/history",
    method: "POST",
    path: "/staff/help/:helpArticleId/history",
    form: { intent: "restore", revision: "x" },
    expect: only({ staff: 400 }),
  },
  {
    route: "/staff/help/:articleId/translate",
    method: "GET",
    path: "/staff/help/:helpArticleId/translate",
    expect: only({ staff: 200 }),
  },
  {
    route: "/staff/help/:articleId/translate",
    method: "POST",
    path: "/staff/help/:helpArticleId/translate",
    form: { intent: "create", title: "" },
    expect: only({ staff: 400 }),
  },

  // Help center (public): anyone reads; anyone may answer "Was this helpful?" (no answer chosen: 400).
  { route: "/help", method: "GET", expect: everyone(200) },
  { route: "/help", method: "GET", path: "/help?q=privacy", expect: everyone(200) },
  { route: "/help/faq", method: "GET", expect: everyone(200) },
  { route: "/help/:slug", method: "GET", path: "/help/:publishedHelpSlug", expect: everyone(200) },
  { route: "/help/:slug", method: "GET", path: "/help/no-such-article", expect: everyone(404) },

  // Cookie consent and the privacy policy (issue 7): /cookies and /privacy are for anyone (the POST
  // is an invalid choice, so nothing is recorded); publishing policy versions is for support staff.
  { route: "/cookies", method: "GET", expect: everyone(200) },
  { route: "/cookies", method: "POST", form: { choice: "nonsense" }, expect: everyone(400) },
  { route: "/privacy", method: "GET", expect: everyone(200) },
  { route: "/privacy", method: "GET", path: "/privacy?version=999", expect: everyone(404) },
  { route: "/staff/privacy", method: "GET", expect: only({ staff: 200 }) },
  { route: "/staff/privacy", method: "POST", form: { summary: "" }, expect: only({ staff: 400 }) },
  { route: "/help/:slug", method: "POST", path: "/help/:publishedHelpSlug", form: { comment: "x" }, expect: everyone(400) },
  { route: "/help/:slug", method: "POST", path: "/help/no-such-article", form: { helpful: "yes" }, expect: everyone(404) },

  // Church settings and onboarding (issue 6): each administrator reads their own church's
  // settings (no :id). The POST is an unknown intent (400): the real review is walked in
  // onboarding.test.ts.
  { route: "/admin/settings", method: "GET", expect: only({ admin: 200, otherAdmin: 200 }) },
  {
    route: "/admin/settings",
    method: "POST",
    form: { intent: "no-such-action" },
    expect: only({ admin: 400, otherAdmin: 400 }),
  },

  // Right to erasure (issue 7): members ask at /me/data/delete (platform staff, who have no church,
  // read whom to ask instead; their POST is refused); administrators decide at /admin/requests and
  // erase directly. POSTs are missing their confirmation or reason (400), so nobody is erased.
  { route: "/me/data/delete", method: "GET", expect: signedInOnly(200) },
  {
    route: "/me/data/delete",
    method: "POST",
    form: { intent: "request", note: "matrix" },
    expect: { ...signedInOnly(400), staff: 403, ops: 403 },
  },
  { route: "/admin/requests", method: "GET", expect: only({ admin: 200, otherAdmin: 200 }) },
  {
    route: "/admin/requests/:requestId",
    method: "GET",
    path: "/admin/requests/:graceRequestId",
    expect: only({ admin: 200, otherAdmin: 404 }),
  },
  {
    route: "/admin/requests/:requestId",
    method: "POST",
    path: "/admin/requests/:graceRequestId",
    form: { decision: "decline", reason: "" },
    expect: only({ admin: 400, otherAdmin: 404 }),
  },
  {
    route: "/admin/members/:memberId/erase",
    method: "GET",
    path: "/admin/members/:graceMemberId/erase",
    expect: only({ admin: 200, otherAdmin: 404 }),
  },
  {
    route: "/admin/members/:memberId/erase",
    method: "POST",
    path: "/admin/members/:graceMemberId/erase",
    form: { reason: "" },
    expect: only({ admin: 400, otherAdmin: 404 }),
  },

  // Compliance report (issue 7, point 7): each church's data protection officer (manage:requests) reads
  // their own church's report (no :id). A loader-only page: POST is not allowed.
  { route: "/admin/compliance", method: "GET", expect: only({ admin: 200, otherAdmin: 200 }) },
  { route: "/admin/compliance", method: "POST", expect: everyone(405) },

  // Platform console
  { route: "/platform/churches", method: "GET", expect: only({ ops: 200 }) },
  { route: "/platform/churches", method: "POST", form: { name: "" }, expect: only({ ops: 400 }) },
  // Operations dashboard (issue 8): platform administrators only; loader-only.
  { route: "/platform/ops", method: "GET", expect: only({ ops: 200 }) },
  { route: "/platform/ops", method: "POST", expect: everyone(405) },
  // The fault switch exists only with ALLOW_FAULT_INJECTION (off here): 404 for ops,
  // still 403 for everyone else (tests/integration/fault-switch.test.ts walks it switched on).
  { route: "/platform/ops/faults", method: "GET", expect: only({ ops: 404 }) },
  { route: "/platform/ops/faults", method: "POST", form: { intent: "stop" }, expect: only({ ops: 404 }) },
  // Maintenance (issue 9): read-only switch, windows and status notices for platform
  // administrators (manage:maintenance); the releases page with the dashboard's view:operations.
  { route: "/platform/maintenance", method: "GET", expect: only({ ops: 200 }) },
  { route: "/platform/maintenance", method: "POST", form: { intent: "schedule", date: "" }, expect: only({ ops: 400 }) },
  { route: "/platform/status", method: "GET", expect: only({ ops: 200 }) },
  { route: "/platform/status", method: "POST", form: { intent: "post", messageEn: "" }, expect: only({ ops: 400 }) },
  { route: "/platform/releases", method: "GET", expect: only({ ops: 200 }) },
  { route: "/platform/releases", method: "POST", expect: everyone(405) },

  // Community forum (issue 12): members post (post:forum), support staff take part (moderate:forum),
  // platform operators have neither. :forumTopicId is member@grace's question, :forumReplyId the
  // otherAdmin's own reply to it: only its author may open its edit page, anyone else gets 403.
  { route: "/community", method: "GET", expect: forumUsers(200) },
  { route: "/community", method: "POST", expect: everyone(405) },
  { route: "/community/c/:slug", method: "GET", path: "/community/c/questions", expect: forumUsers(200) },
  { route: "/community/c/:slug", method: "GET", path: "/community/c/no-such-category", expect: forumUsers(404) },
  { route: "/community/c/:slug", method: "POST", path: "/community/c/questions", expect: everyone(405) },
  { route: "/community/t/:topicId", method: "GET", path: "/community/t/:forumTopicId", expect: forumUsers(200) },
  { route: "/community/t/:topicId", method: "GET", path: "/community/t/not-a-topic", expect: forumUsers(404) },
  {
    route: "/community/t/:topicId",
    method: "POST",
    path: "/community/t/:forumTopicId",
    form: { intent: "reply", body: "" },
    expect: forumUsers(400),
  },
  { route: "/community/new", method: "GET", expect: forumUsers(200) },
  { route: "/community/new", method: "POST", form: { category: "questions", title: "" }, expect: forumUsers(400) },
  {
    route: "/community/posts/:postId/edit",
    method: "GET",
    path: "/community/posts/:forumReplyId/edit",
    expect: { ...forumUsers(403), otherAdmin: 200 },
  },
  {
    route: "/community/posts/:postId/edit",
    method: "POST",
    path: "/community/posts/:forumReplyId/edit",
    form: { body: "" },
    expect: { ...forumUsers(403), otherAdmin: 400 },
  },
  { route: "/community/posts/:postId/edit", method: "GET", path: "/community/posts/not-a-post/edit", expect: forumUsers(404) },
  { route: "/community/settings", method: "GET", expect: forumUsers(200) },
  // Unticked, as a browser sends it: shows no church, which is the default (a redirect back).
  { route: "/community/settings", method: "POST", form: {}, expect: forumUsers(302) },
  // The e-mail's unsubscribe link works without signing in; an unknown token names nothing.
  { route: "/community/unsubscribe/:token", method: "GET", path: "/community/unsubscribe/not-a-token", expect: everyone(200) },
  { route: "/community/unsubscribe/:token", method: "POST", path: "/community/unsubscribe/not-a-token", expect: everyone(200) },

  // Forum moderation (issue 12): the queue, settings, categories and one post or topic are support
  // staff's (moderate:forum); every POST is a harmless invalid form. :forumReplyId is otherAdmin's own post.
  { route: "/community/moderation", method: "GET", expect: only({ staff: 200 }) },
  { route: "/community/moderation", method: "POST", expect: everyone(405) },
  { route: "/community/moderation/settings", method: "GET", expect: only({ staff: 200 }) },
  { route: "/community/moderation/settings", method: "POST", form: { approveFirstPosts: "many" }, expect: only({ staff: 400 }) },
  { route: "/community/moderation/categories", method: "GET", expect: only({ staff: 200 }) },
  { route: "/community/moderation/categories", method: "POST", form: { intent: "add", slug: "" }, expect: only({ staff: 400 }) },
  { route: "/community/moderation/posts/:postId", method: "GET", path: "/community/moderation/posts/:forumReplyId", expect: only({ staff: 200 }) },
  { route: "/community/moderation/posts/:postId", method: "GET", path: "/community/moderation/posts/not-a-post", expect: only({ staff: 404 }) },
  {
    route: "/community/moderation/posts/:postId",
    method: "POST",
    path: "/community/moderation/posts/:forumReplyId",
    form: { intent: "hide", reason: "" },
    expect: only({ staff: 400 }),
  },
  { route: "/community/moderation/topics/:topicId", method: "GET", path: "/community/moderation/topics/:forumTopicId", expect: only({ staff: 200 }) },
  { route: "/community/moderation/topics/:topicId", method: "GET", path: "/community/moderation/topics/not-a-topic", expect: only({ staff: 404 }) },
  {
    route: "/community/moderation/topics/:topicId",
    method: "POST",
    path: "/community/moderation/topics/:forumTopicId",
    form: { intent: "lock", reason: "" },
    expect: only({ staff: 400 }),
  },
  // Reporting a post is for members who post (post:forum): not staff, not operators, not on one's own post.
  {
    route: "/community/posts/:postId/flag",
    method: "GET",
    path: "/community/posts/:forumReplyId/flag",
    expect: only({ member: 200, leader: 200, admin: 200 }),
  },
  {
    route: "/community/posts/:postId/flag",
    method: "POST",
    path: "/community/posts/:forumReplyId/flag",
    form: { reason: "" },
    expect: only({ member: 400, leader: 400, admin: 400 }),
  },
  { route: "/community/posts/:postId/flag", method: "GET", path: "/community/posts/not-a-post/flag", expect: only({ member: 404, leader: 404, admin: 404, otherAdmin: 404 }) },
  // A question turned into a help draft: support staff (manage:help and moderate:forum).
  { route: "/community/t/:topicId/help-draft", method: "GET", path: "/community/t/:forumTopicId/help-draft", expect: only({ staff: 200 }) },
  {
    route: "/community/t/:topicId/help-draft",
    method: "POST",
    path: "/community/t/:forumTopicId/help-draft",
    form: { title: "" },
    expect: only({ staff: 400 }),
  },
];

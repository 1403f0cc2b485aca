/** Rows for support tickets, the help center and its editing by support staff. */
import { everyone, only, signedInOnly, type MatrixRow } from "./shapes";

export const HELP_SUPPORT_ROWS: MatrixRow[] = [
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
  {
    route: "/support/:ticketId/screenshot",
    method: "POST",
    path: "/support/:graceTicketId/screenshot",
    expect: everyone(405),
  },
  { route: "/staff/tickets", method: "GET", expect: only({ staff: 200 }) },
  { route: "/staff/tickets", method: "POST", form: { status: "open" }, expect: everyone(405) },
  {
    route: "/staff/tickets/:ticketId",
    method: "GET",
    path: "/staff/tickets/:graceTicketId",
    expect: only({ staff: 200 }),
  },
  {
    route: "/staff/tickets/:ticketId",
    method: "GET",
    path: "/staff/tickets/not-a-ticket",
    expect: only({ staff: 404 }),
  },
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
  {
    route: "/help/:slug",
    method: "POST",
    path: "/help/:publishedHelpSlug",
    form: { comment: "x" },
    expect: everyone(400),
  },
  {
    route: "/help/:slug",
    method: "POST",
    path: "/help/no-such-article",
    form: { helpful: "yes" },
    expect: everyone(404),
  },
];

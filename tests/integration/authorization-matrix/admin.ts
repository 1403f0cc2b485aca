/** Rows for a church's administration (/admin): people, groups, roles, imports and settings. */
import { only, type MatrixRow } from "./shapes";

export const ADMIN_ROWS: MatrixRow[] = [
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
];

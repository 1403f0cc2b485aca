/** Rows for the member directory and a member's own pages (/me). */
import { everyone, signedInOnly, type MatrixRow } from "./shapes";

export const MEMBERS_DIRECTORY_ROWS: MatrixRow[] = [
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
];

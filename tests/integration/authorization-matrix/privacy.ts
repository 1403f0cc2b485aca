/** Rows for the privacy law's pages: my data, cookie consent and policy, erasure, the compliance report. */
import { everyone, only, signedInOnly, type MatrixRow } from "./shapes";

export const PRIVACY_ROWS: MatrixRow[] = [
  // My data (issue 7): everyone signed in may download their own data, platform
  // staff included (their roles lack export:data:own; the law does not ask for it).
  // Loader-only routes: a POST exports nothing.
  { route: "/me/data", method: "GET", expect: signedInOnly(200) },
  { route: "/me/data", method: "POST", form: { intent: "export" }, expect: everyone(405) },
  { route: "/me/data.json", method: "GET", expect: signedInOnly(200) },
  { route: "/me/data.json", method: "POST", expect: everyone(405) },
  { route: "/me/data.zip", method: "GET", expect: signedInOnly(200) },
  { route: "/me/data.zip", method: "POST", expect: everyone(405) },

  // Cookie consent and the privacy policy (issue 7): /cookies and /privacy are for anyone (the POST
  // is an invalid choice, so nothing is recorded); publishing policy versions is for support staff.
  { route: "/cookies", method: "GET", expect: everyone(200) },
  { route: "/cookies", method: "POST", form: { choice: "nonsense" }, expect: everyone(400) },
  { route: "/privacy", method: "GET", expect: everyone(200) },
  { route: "/privacy", method: "GET", path: "/privacy?version=999", expect: everyone(404) },
  { route: "/staff/privacy", method: "GET", expect: only({ staff: 200 }) },
  { route: "/staff/privacy", method: "POST", form: { summary: "" }, expect: only({ staff: 400 }) },

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
];

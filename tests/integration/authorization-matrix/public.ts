/** Rows for the public pages, the plumbing anyone may reach and signing in. */
import { everyone, type MatrixRow } from "./shapes";

export const PUBLIC_ROWS: MatrixRow[] = [
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
];

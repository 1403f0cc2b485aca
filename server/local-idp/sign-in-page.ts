import crypto from "node:crypto";
import type { DemoAccount } from "./accounts";

/**
 * The local provider's pages: plain server-rendered HTML, no JavaScript, no
 * external resources. Their one stylesheet is inline and allowed by its hash,
 * so the pages carry their own strict Content-Security-Policy.
 */

const STYLE = [
  "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;padding:1rem;max-width:32rem}",
  "h1{font-size:1.6rem;line-height:1.25}",
  "label,input,button{display:block;font:inherit}",
  "input{width:100%;box-sizing:border-box;padding:.5rem;margin:.25rem 0 .75rem}",
  "button{padding:.5rem 1rem;margin:.25rem 0}",
  "ul{list-style:none;padding:0}",
  "li{margin:0 0 1rem}",
  ".error{color:#a4000f;font-weight:bold}",
  ".note{border-left:.25rem solid #b35c00;padding-left:.75rem}",
].join("");

const STYLE_HASH = `'sha256-${crypto.createHash("sha256").update(STYLE).digest("base64")}'`;

export const HEADING = "Sign in with Google (local test provider)";

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Headers for every page the provider renders itself; `formTargets` are the origins a form (and its redirects) may reach. */
export function pageHeaders(formTargets: readonly string[]): Record<string, string> {
  return {
    "Content-Type": "text/html; charset=utf-8",
    // Chrome checks form-action against the redirects after the POST too: the last one lands on the app.
    "Content-Security-Policy": [
      "default-src 'none'",
      `style-src ${STYLE_HASH}`,
      `form-action 'self' ${[...new Set(formTargets)].join(" ")}`.trim(),
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join("; "),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
  };
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface SignInPageOptions {
  /** Where the forms post: `${issuer path}/interaction/:uid/login`. */
  action: string;
  demoAccounts: readonly DemoAccount[];
  /** What the user typed, kept after an error. */
  email?: string;
  error?: string;
}

export function renderSignInPage({ action, demoAccounts, email = "", error }: SignInPageOptions): string {
  const invalid = error !== undefined;
  const demo = demoAccounts.length
    ? `<h2>Demo accounts</h2>
<ul>
${demoAccounts
  .map(
    (account) => `<li>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="email" value="${escapeHtml(account.email)}">
<button type="submit">Continue as ${escapeHtml(account.email)}</button>
</form>
${escapeHtml(account.displayName)}: ${escapeHtml(account.role)}
</li>`,
  )
  .join("\n")}
</ul>`
    : "";
  return layout(
    invalid ? `Error: ${HEADING}` : HEADING,
    `<h1>${escapeHtml(HEADING)}</h1>
<p class="note">This page exists only in development and tests. It stands in for Google sign-in through Amazon Cognito: any e-mail address signs in here, and Kapatiran then decides whether that address has been invited.</p>
<form method="post" action="${escapeHtml(action)}">
<label for="email">Email</label>
<input id="email" type="email" name="email" required autocomplete="email" value="${escapeHtml(email)}"${
      invalid ? ' aria-invalid="true" aria-describedby="email-error"' : ""
    }>
${invalid ? `<p id="email-error" class="error">${escapeHtml(error)}</p>\n` : ""}<button type="submit">Continue</button>
</form>
${demo}`,
  );
}

/** A dead end (expired sign-in, bad logout request, protocol error) with a way back to the app. */
export function renderProblemPage({
  title,
  message,
  details = [],
  backTo,
}: {
  title: string;
  message: string;
  details?: readonly (readonly [string, string])[];
  backTo: string;
}): string {
  const list = details.length
    ? `<dl>\n${details.map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`).join("\n")}\n</dl>\n`
    : "";
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
${list}<p><a href="${escapeHtml(backTo)}">Back to Kapatiran</a></p>`,
  );
}

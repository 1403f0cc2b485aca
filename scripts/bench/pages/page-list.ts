import { sessionCookie } from "../support/bench-server";

/** One page the audit visits; `signedIn` pages carry the large church administrator's session. */
export interface AuditedPage {
  name: string;
  path: string;
  signedIn: boolean;
  /** The directory and help pages: their LCP under Slow 4G is budgeted. */
  lcpBudget: boolean;
  /** Another server's origin (the sign-in page is served by the local identity provider). */
  origin?: string;
}

/** A search that matches many of the seeded Filipino surnames. */
const SEARCH = "santos";
/** A published help article of the demo seed. */
const HELP_ARTICLE = "getting-started";

/**
 * The main pages, as a member or administrator of a 10,000-member church meets them.
 * The member card is the first one the directory links to.
 */
export async function pagesToAudit(baseUrl: string, sessionToken: string, signInOrigin?: string): Promise<AuditedPage[]> {
  const memberPath = await firstMemberCard(baseUrl, sessionToken);
  const pages: AuditedPage[] = [
    { name: "Landing", path: "/", signedIn: false, lcpBudget: false },
    { name: "Directory (10,000 members)", path: "/directory", signedIn: true, lcpBudget: true },
    { name: "Directory search", path: `/directory?q=${SEARCH}`, signedIn: true, lcpBudget: true },
    { name: "Member card", path: memberPath, signedIn: true, lcpBudget: true },
    { name: "Help center", path: "/help", signedIn: false, lcpBudget: true },
    { name: "Help article", path: `/help/${HELP_ARTICLE}`, signedIn: false, lcpBudget: true },
    { name: "My profile", path: "/me", signedIn: true, lcpBudget: false },
    { name: "Admin: members", path: "/admin/members", signedIn: true, lcpBudget: false },
    { name: "Admin: users", path: "/admin/users", signedIn: true, lcpBudget: false },
  ];
  if (signInOrigin) {
    // /auth/login redirects to the provider's page: the chain is what a visitor waits for.
    pages.splice(1, 0, { name: "Sign-in", path: "/auth/login", signedIn: false, lcpBudget: false, origin: signInOrigin });
  }
  return pages;
}

async function firstMemberCard(baseUrl: string, sessionToken: string): Promise<string> {
  const response = await fetch(`${baseUrl}/directory`, { headers: { cookie: sessionCookie(sessionToken) } });
  const html = await response.text();
  const found = /href="(\/directory\/[0-9a-f-]{36})"/.exec(html);
  if (!response.ok || !found?.[1]) {
    throw new Error(`/directory answered ${response.status} without a member link: is the session valid for this server?`);
  }
  return found[1];
}

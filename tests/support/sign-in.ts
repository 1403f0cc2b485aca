import { expect } from "vitest";
import { browse, CookieJar, postForm } from "./browser";

/**
 * Sign in over HTTP as a browser would: /auth/login, the local provider's
 * page, the e-mail, back through /auth/callback. Works against a server from
 * startTestServer (same origin for app and provider).
 */

/** Follow redirects while they stay on the server; stop at the callback. */
async function followUntilCallback(jar: CookieJar, response: Response, from: string) {
  let url = from;
  let current = response;
  for (let hops = 0; hops < 10 && current.status >= 300 && current.status < 400; hops++) {
    url = new URL(current.headers.get("location") ?? "", url).href;
    if (new URL(url).pathname === "/auth/callback") return { callback: url, page: undefined };
    current = await browse(jar, url);
  }
  return { callback: undefined, page: { url, response: current } };
}

/** From /auth/login to just before /auth/callback, typing `email` on the provider's page. */
export async function toCallback(baseUrl: string, jar: CookieJar, email: string, redirectTo?: string) {
  const login = `${baseUrl}/auth/login${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`;
  const started = await browse(jar, login);
  expect(started.status).toBe(302);
  const authorize = new URL(started.headers.get("location")!);
  const first = await followUntilCallback(jar, started, login);
  if (first.callback) return { authorize, callback: first.callback };
  expect(first.page!.response.status).toBe(200);
  const posted = await postForm(jar, `${first.page!.url}/login`, { email });
  const second = await followUntilCallback(jar, posted, `${first.page!.url}/login`);
  expect(second.callback).toBeDefined();
  return { authorize, callback: second.callback! };
}

/** A whole sign-in in a fresh cookie jar; `finished` is the callback's response. */
export async function signIn(baseUrl: string, email: string, redirectTo?: string) {
  const jar = new CookieJar();
  const { callback, authorize } = await toCallback(baseUrl, jar, email, redirectTo);
  const finished = await browse(jar, callback);
  return { jar, finished, authorize, callback };
}

/** Signed in, or fail the test: for tests about what comes after sign-in. */
export async function signedInJar(baseUrl: string, email: string): Promise<CookieJar> {
  const { jar, finished } = await signIn(baseUrl, email);
  expect(finished.status, `sign-in of ${email}`).toBe(302);
  return jar;
}

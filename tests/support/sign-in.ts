import { expect } from "vitest";
import { signIn, type CookieJar } from "../../scripts/support/browser-session";

/**
 * Sign in over HTTP as a browser would: /auth/login, the local provider's
 * page, the e-mail, back through /auth/callback (scripts/support/browser-session.ts).
 */
export { signIn, toCallback } from "../../scripts/support/browser-session";

/** Signed in, or fail the test: for tests about what comes after sign-in. */
export async function signedInJar(baseUrl: string, email: string): Promise<CookieJar> {
  const { jar, finished } = await signIn(baseUrl, email);
  expect(finished.status, `sign-in of ${email}`).toBe(302);
  return jar;
}

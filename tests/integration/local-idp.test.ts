import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalIdentityProvider, type LocalIdentityProviderOptions } from "../../server/local-idp";
import { browse, CookieJar } from "../support/browser";

/**
 * The local identity provider end to end, as a browser and the app's server
 * would drive it: real HTTP, manual redirects, cookies carried by hand.
 */

const demoAccounts = [
  { email: "admin@grace.example", displayName: "Grace Admin", role: "church_admin of grace" },
  { email: "member@grace.example", displayName: "Maria Santos", role: "member of grace" },
];

let server: Server;
let origin: string;
let options: LocalIdentityProviderOptions;

beforeAll(async () => {
  // Listen first so the issuer can carry the real port, then mount the provider.
  const app = express();
  app.set("trust proxy", 1);
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  options = {
    issuer: `${origin}/oidc`,
    clientId: "kapatiran-local",
    clientSecret: "a-client-secret-for-tests-only",
    redirectUri: `${origin}/auth/callback`,
    logoutRedirectUri: `${origin}/`,
    cookieSecret: "x".repeat(40),
    demoAccounts,
    production: false,
  };
  app.use(new URL(options.issuer).pathname, await createLocalIdentityProvider(options));
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

/** Follows redirects like a browser until one leaves the provider (or a page is shown). */
async function follow(jar: CookieJar, response: Response, from: string): Promise<{ response: Response; url: string }> {
  let url = from;
  let current = response;
  for (let hops = 0; hops < 10 && current.status >= 300 && current.status < 400; hops++) {
    url = new URL(current.headers.get("location") ?? "", url).href;
    if (!url.startsWith(options.issuer)) return { response: current, url };
    current = await browse(jar, url);
  }
  return { response: current, url };
}

function pkce() {
  const verifier = crypto.randomBytes(32).toString("base64url");
  return { verifier, challenge: crypto.createHash("sha256").update(verifier).digest("base64url") };
}

function authorizationUrl(params: { state: string; nonce: string; challenge?: string }) {
  const url = new URL(`${options.issuer}/oauth2/authorize`);
  url.searchParams.set("client_id", options.clientId);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", "openid email profile");
  url.searchParams.set("redirect_uri", options.redirectUri);
  url.searchParams.set("state", params.state);
  url.searchParams.set("nonce", params.nonce);
  url.searchParams.set("identity_provider", "Google");
  if (params.challenge) {
    url.searchParams.set("code_challenge", params.challenge);
    url.searchParams.set("code_challenge_method", "S256");
  }
  return url.href;
}

interface Authorization {
  state: string;
  nonce: string;
  verifier: string;
  /** The sign-in page, when the provider showed one. */
  page?: { url: string; html: string };
  /** The redirect back to the app, when the provider sent it straight away (single sign-on). */
  callback?: URL;
}

async function startAuthorization(jar: CookieJar): Promise<Authorization> {
  const { verifier, challenge } = pkce();
  const state = crypto.randomBytes(16).toString("base64url");
  const nonce = crypto.randomBytes(16).toString("base64url");
  const url = authorizationUrl({ state, nonce, challenge });
  const { response, url: landed } = await follow(jar, await browse(jar, url), url);
  if (response.status >= 300 && response.status < 400) return { state, nonce, verifier, callback: new URL(landed) };
  expect(response.status).toBe(200);
  return { state, nonce, verifier, page: { url: landed, html: await response.text() } };
}

async function submitEmail(jar: CookieJar, pageUrl: string, email: string) {
  const action = `${pageUrl}/login`;
  return browse(jar, action, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
    body: new URLSearchParams({ email }).toString(),
  });
}

/** A whole sign-in: authorize, the sign-in page, the e-mail, back to the app with a code. */
async function signIn(jar: CookieJar, email: string) {
  const authorization = await startAuthorization(jar);
  expect(authorization.page).toBeDefined();
  const posted = await submitEmail(jar, authorization.page!.url, email);
  expect(posted.status).toBe(303);
  const { url } = await follow(jar, posted, `${authorization.page!.url}/login`);
  const callback = new URL(url);
  expect(`${callback.origin}${callback.pathname}`).toBe(options.redirectUri);
  return { ...authorization, callback, code: callback.searchParams.get("code") ?? "" };
}

const basic = () => `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`;

async function exchange(code: string, verifier: string | undefined, auth: "basic" | "post" = "basic") {
  const body = new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: options.redirectUri });
  if (verifier !== undefined) body.set("code_verifier", verifier);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
  if (auth === "basic") headers.authorization = basic();
  else {
    body.set("client_id", options.clientId);
    body.set("client_secret", options.clientSecret);
  }
  const response = await fetch(`${options.issuer}/oauth2/token`, { method: "POST", headers, body });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("local identity provider", () => {
  it("publishes Cognito-shaped endpoints in its discovery document", async () => {
    const response = await fetch(`${options.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: options.issuer,
      authorization_endpoint: `${options.issuer}/oauth2/authorize`,
      token_endpoint: `${options.issuer}/oauth2/token`,
      jwks_uri: `${options.issuer}/.well-known/jwks.json`,
      userinfo_endpoint: `${options.issuer}/oauth2/userInfo`,
      code_challenge_methods_supported: ["S256"],
      response_types_supported: ["code"],
    });
    expect(discovery.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(["client_secret_basic", "client_secret_post"]),
    );
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(["openid", "email", "profile"]));

    const jwks = (await (await fetch(`${options.issuer}/.well-known/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", kid: expect.any(String) });
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });

  it("signs in through its own page and issues a Cognito-like ID token", async () => {
    const jar = new CookieJar();
    const authorization = await startAuthorization(jar);
    const page = authorization.page!;
    expect(new URL(page.url).pathname).toMatch(/^\/oidc\/interaction\/[\w-]+$/);
    expect(page.html).toContain("Sign in with Google (local test provider)");
    expect(page.html).toContain('<label for="email">Email</label>');
    expect(page.html).toMatch(/<input id="email" type="email" name="email" required autocomplete="email"/);
    expect(page.html).toMatch(/<button type="submit">Continue<\/button>/);
    expect(page.html).toContain("only in development");
    for (const account of demoAccounts) {
      expect(page.html).toContain(`Continue as ${account.email}`);
      expect(page.html).toContain(account.role);
    }
    expect(page.html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/);

    const pageResponse = await browse(jar.clone(), page.url);
    const csp = pageResponse.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-/);
    expect(pageResponse.headers.get("cache-control")).toBe("no-store");

    const posted = await submitEmail(jar, page.url, "  Maria.Santos@Grace.Example ");
    expect(posted.status).toBe(303);
    const { url } = await follow(jar, posted, `${page.url}/login`);
    const callback = new URL(url);
    expect(`${callback.origin}${callback.pathname}`).toBe(options.redirectUri);
    expect(callback.searchParams.get("state")).toBe(authorization.state);
    const code = callback.searchParams.get("code");
    expect(code).toBeTruthy();

    // The provider's session cookie is a browser-session cookie on the provider's path only.
    const sessionCookie = [...jar.cookies.values()].find((cookie) => cookie.name === "local_idp_session");
    expect(sessionCookie?.path).toBe("/oidc");

    const tokens = await exchange(code!, authorization.verifier, "basic");
    expect(tokens.status).toBe(200);
    expect(tokens.json.token_type).toBe("Bearer");
    expect(typeof tokens.json.access_token).toBe("string");

    const { payload, protectedHeader } = await jwtVerify(
      tokens.json.id_token as string,
      createRemoteJWKSet(new URL(`${options.issuer}/.well-known/jwks.json`)),
      { issuer: options.issuer, audience: options.clientId, algorithms: ["RS256"] },
    );
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(payload.email).toBe("maria.santos@grace.example");
    expect(payload.email_verified).toBe(true);
    expect(payload.token_use).toBe("id");
    expect(payload.nonce).toBe(authorization.nonce);
    expect(payload.name).toBe("maria.santos");
    expect(typeof payload.exp).toBe("number");
    expect(typeof payload.iat).toBe("number");
    expect(typeof payload.auth_time).toBe("number");
    const username = payload["cognito:username"];
    expect(username).toMatch(/^Google_1\d{20}$/);
    const googleId = String(username).slice("Google_".length);
    expect(typeof payload.identities).toBe("string");
    const identities = JSON.parse(payload.identities as string) as Record<string, unknown>[];
    expect(identities).toEqual([
      {
        userId: googleId,
        providerName: "Google",
        providerType: "Google",
        issuer: null,
        primary: "true",
        dateCreated: expect.stringMatching(/^\d{13}$/),
      },
    ]);

    // The same address is the same person next time, whatever its case.
    const again = await signIn(new CookieJar(), "maria.santos@grace.example");
    const second = await exchange(again.code, again.verifier, "post");
    expect(second.status).toBe(200);
    const secondPayload = JSON.parse(
      Buffer.from((second.json.id_token as string).split(".")[1]!, "base64url").toString(),
    ) as Record<string, unknown>;
    expect(secondPayload.sub).toBe(payload.sub);
    expect(secondPayload["cognito:username"]).toBe(username);

    const userinfo = await fetch(`${options.issuer}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${tokens.json.access_token as string}` },
    });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({ sub: payload.sub, email: "maria.santos@grace.example", email_verified: true });
  });

  it("signs in a demo account in one click with its display name", async () => {
    const jar = new CookieJar();
    const { page, verifier } = await startAuthorization(jar);
    expect(page!.html).toContain('<input type="hidden" name="email" value="admin@grace.example">');
    const posted = await submitEmail(jar, page!.url, "admin@grace.example");
    const { url } = await follow(jar, posted, `${page!.url}/login`);
    const tokens = await exchange(new URL(url).searchParams.get("code")!, verifier);
    const { payload } = await jwtVerify(
      tokens.json.id_token as string,
      createRemoteJWKSet(new URL(`${options.issuer}/.well-known/jwks.json`)),
      { issuer: options.issuer, audience: options.clientId },
    );
    expect(payload).toMatchObject({ email: "admin@grace.example", name: "Grace Admin" });
  });

  it("refuses a code used twice, a wrong code_verifier and a request without PKCE", async () => {
    const first = await signIn(new CookieJar(), "member@grace.example");
    expect((await exchange(first.code, first.verifier)).status).toBe(200);
    const replay = await exchange(first.code, first.verifier);
    expect(replay.status).toBe(400);
    expect(replay.json.error).toBe("invalid_grant");

    const second = await signIn(new CookieJar(), "member@grace.example");
    const wrongVerifier = await exchange(second.code, pkce().verifier);
    expect(wrongVerifier.status).toBe(400);
    expect(wrongVerifier.json.error).toBe("invalid_grant");
    const noVerifier = await exchange(second.code, undefined);
    expect(noVerifier.status).toBe(400);
    expect(noVerifier.json.error).toBe("invalid_grant");

    const badSecret = await fetch(`${options.issuer}/oauth2/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${options.clientId}:wrong`).toString("base64")}`,
      },
      body: new URLSearchParams({ grant_type: "authorization_code", code: second.code, redirect_uri: options.redirectUri, code_verifier: second.verifier }),
    });
    expect(badSecret.status).toBe(401);

    const withoutPkce = await fetch(authorizationUrl({ state: "s1", nonce: "n1" }), { redirect: "manual" });
    expect(withoutPkce.status).toBe(303);
    const refused = new URL(withoutPkce.headers.get("location")!);
    expect(`${refused.origin}${refused.pathname}`).toBe(options.redirectUri);
    expect(refused.searchParams.get("error")).toBe("invalid_request");
    expect(refused.searchParams.get("code")).toBeNull();
    expect(refused.searchParams.get("state")).toBe("s1");
  });

  it("refuses an identity provider other than Google", async () => {
    const url = new URL(authorizationUrl({ state: "s2", nonce: "n2", challenge: pkce().challenge }));
    url.searchParams.set("identity_provider", "Facebook");
    const response = await fetch(url, { redirect: "manual" });
    const location = new URL(response.headers.get("location")!);
    expect(location.searchParams.get("error")).toBe("invalid_request");
  });

  it("re-renders the page with the input kept and status 400 for an invalid e-mail", async () => {
    const jar = new CookieJar();
    const { page } = await startAuthorization(jar);
    const response = await submitEmail(jar, page!.url, "not-an-email<b>");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('value="not-an-email&lt;b&gt;"');
    expect(html).toContain('aria-invalid="true" aria-describedby="email-error"');
    expect(html).toMatch(/<p id="email-error" class="error">[^<]+<\/p>/);
    expect(html).toContain('<label for="email">Email</label>');

    // The page still works afterwards.
    const retry = await submitEmail(jar, page!.url, "visitor@example.org");
    expect(retry.status).toBe(303);
  });

  it("answers 400 for a sign-in whose interaction cookie is missing", async () => {
    const jar = new CookieJar();
    const { page } = await startAuthorization(jar);
    const response = await fetch(page!.url, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This sign-in has expired");
  });

  it("logout ends the provider's session, so the next sign-in asks again", async () => {
    const jar = new CookieJar();
    await signIn(jar, "member@grace.example");

    // While signed in at the provider, a new authorization comes straight back (single sign-on).
    const sso = await startAuthorization(jar);
    expect(sso.page).toBeUndefined();
    expect(sso.callback?.searchParams.get("code")).toBeTruthy();

    const stale = jar.clone();
    const logoutUrl = new URL(`${options.issuer}/logout`);
    logoutUrl.searchParams.set("client_id", options.clientId);
    logoutUrl.searchParams.set("logout_uri", options.logoutRedirectUri);
    const logout = await browse(jar, logoutUrl.href);
    expect(logout.status).toBe(302);
    expect(logout.headers.get("location")).toBe(options.logoutRedirectUri);
    const cleared = logout.headers.getSetCookie();
    // Both the cookie and its signature expire, on the path they were set on.
    for (const name of ["local_idp_session", "local_idp_session.sig"]) {
      const expiry = cleared.find((cookie) => cookie.startsWith(`${name}=`));
      expect(expiry).toMatch(/; path=\/oidc;/);
      expect(expiry).toMatch(/expires=Thu, 01 Jan 1970/);
    }

    const afterLogout = await startAuthorization(jar);
    expect(afterLogout.page?.html).toContain('<label for="email">Email</label>');

    // Even a browser that kept the old cookie is asked again: the session is gone from the store.
    const replayed = await startAuthorization(stale);
    expect(replayed.page?.html).toContain('<label for="email">Email</label>');
  });

  it("refuses to log out to an unregistered URI or for another client", async () => {
    const other = new URL(`${options.issuer}/logout`);
    other.searchParams.set("client_id", options.clientId);
    other.searchParams.set("logout_uri", "https://evil.example/");
    const response = await fetch(other, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();

    const missing = await fetch(`${options.issuer}/logout?client_id=${options.clientId}`, { redirect: "manual" });
    expect(missing.status).toBe(400);

    const wrongClient = new URL(`${options.issuer}/logout`);
    wrongClient.searchParams.set("client_id", "someone-else");
    wrongClient.searchParams.set("logout_uri", options.logoutRedirectUri);
    expect((await fetch(wrongClient, { redirect: "manual" })).status).toBe(400);
  });

  it("is never created in production", async () => {
    await expect(createLocalIdentityProvider({ ...options, production: true })).rejects.toThrow(
      "The local identity provider is for development only",
    );
  });
});

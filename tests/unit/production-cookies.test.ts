import { beforeAll, describe, expect, it, vi } from "vitest";

/*
 * Cookie flags as production sends them. The environment is parsed once, at
 * import, so this file sets a production environment before importing.
 */
let session: typeof import("~/auth/session.server");
let oauth: typeof import("~/auth/oauth.server");
let returnTo: typeof import("~/auth/return-to.server");

beforeAll(async () => {
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("SESSION_SECRET", "production-like-secret-0123456789abcdef");
  vi.stubEnv("COGNITO_DOMAIN", "auth.kapatiran.example");
  vi.stubEnv("COGNITO_CLIENT_ID", "client");
  vi.stubEnv("COGNITO_USER_POOL_ID", "ap-southeast-1_example");
  vi.stubEnv("AWS_REGION", "ap-southeast-1");
  vi.stubEnv("APP_URL", "https://kapatiran.example");
  session = await import("~/auth/session.server");
  oauth = await import("~/auth/oauth.server");
  returnTo = await import("~/auth/return-to.server");
});

describe("cookies in production", () => {
  it("the session cookie is __Host-, Secure, HttpOnly, SameSite=Lax, whole-site", () => {
    const cookie = session.sessionCookie("t".repeat(43));
    expect(cookie).toMatch(/^__Host-kapatiran_session=t{43}; /);
    for (const flag of ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"]) expect(cookie.split("; ")).toContain(flag);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("clearing it keeps the same flags", () => {
    const cleared = session.clearedSessionCookie();
    expect(cleared).toMatch(/^__Host-kapatiran_session=; /);
    expect(cleared).toContain("Max-Age=0");
    expect(cleared).toContain("Secure");
  });

  it("the sign-in state and return cookies are __Host- and Secure too", () => {
    expect(oauth.STATE_COOKIE).toBe("__Host-kapatiran_oauth");
    const request = new Request("https://kapatiran.example/auth/callback", {
      headers: { cookie: "__Host-kapatiran_oauth:abc=x; other=y" },
    });
    expect(oauth.forgetSignInState(request)).toEqual([
      "__Host-kapatiran_oauth:abc=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure",
    ]);
    expect(returnTo.rememberReturnTo("/directory")).toMatch(/^__Host-kapatiran_return_to=%2Fdirectory; .*Secure/);
  });
});

import { BUILT_IN_ROLES } from "~/auth/permissions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acrossChurches } from "~/db/tenancy.server";
import { Redis } from "ioredis";
import { hashToken } from "~/auth/session-store.server";
import { sessions, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { inviteUser } from "~/models/invitations.server";
import { builtInRoleIds } from "~/models/roles.server";
import { deactivateUser } from "~/models/user-status.server";
import { metrics } from "~/utils/metrics.server";
import { browse, CookieJar, postForm } from "../support/browser";
import { signIn as signInAt, toCallback as toCallbackAt } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Sign-in end to end over HTTP: the app's code flow against the local OpenID
 * provider (real tokens, real JWKS), sessions in the configured store.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
});
afterAll(async () => {
  await server.close();
});

const SESSION = "kapatiran_session";
const at = (path: string) => `${server.url}${path}`;

const toCallback = (jar: CookieJar, email: string, redirectTo?: string) =>
  toCallbackAt(server.url, jar, email, redirectTo);
const signIn = (email: string, redirectTo?: string) => signInAt(server.url, email, redirectTo);

const signedInAs = async (jar: CookieJar) => {
  const response = await browse(jar, at("/me"));
  if (response.status !== 200) return null;
  return /<dd>([^<]+)<\/dd>/.exec(await response.text())?.[1] ?? null;
};

describe("signing in", () => {
  it("asks the provider for Google with PKCE, state and nonce", async () => {
    const { authorize } = await signIn("member@grace.example");
    expect(authorize.pathname).toBe("/oidc/oauth2/authorize");
    expect(authorize.searchParams.get("identity_provider")).toBe("Google");
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get("state")).toBeTruthy();
    expect(authorize.searchParams.get("nonce")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get("response_type")).toBe("code");
  });

  it("lands a member on the page they asked for, signed in", async () => {
    const { jar, finished } = await signIn("member@grace.example", "/me");
    expect(finished.status).toBe(302);
    expect(finished.headers.get("location")).toBe("/me");
    const cookie = finished.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(await signedInAs(jar)).toBe("Maria Santos");
  });

  it("lands on the directory when no page was asked for, and ignores a foreign redirectTo", async () => {
    expect((await signIn("member@grace.example")).finished.headers.get("location")).toBe("/directory");
    const foreign = await signIn("member@grace.example", "https://evil.example/steal");
    expect(foreign.finished.headers.get("location")).toBe("/directory");
    const directory = await browse(foreign.jar, at("/directory"));
    expect(directory.status).toBe(200);
    expect(directory.headers.get("cache-control")).toBe("private, no-store");
    expect(directory.headers.get("x-robots-tag")).toBe("noindex");
  });

  it("keeps the session in the configured store, under a hash of the cookie", async () => {
    const { jar } = await signIn("member@grace.example");
    const hash = hashToken(jar.get(SESSION)!);
    if (process.env.REDIS_URL) {
      const client = new Redis(process.env.REDIS_URL);
      expect(await client.exists(`kapatiran:session:${hash}`)).toBe(1);
      await client.quit();
    } else {
      const rows = await acrossChurches((tx) => tx.select().from(sessions), server.database.db);
      expect(rows.some((row) => row.idHash === hash)).toBe(true);
    }
  });

  it("gives a new session id at every sign-in", async () => {
    const first = await signIn("member@grace.example");
    const second = await signIn("member@grace.example");
    expect(first.jar.get(SESSION)).toBeTruthy();
    expect(second.jar.get(SESSION)).not.toBe(first.jar.get(SESSION));
  });
});

describe("refusals: a clear page and no session", () => {
  const failuresOf = async (reason: string) =>
    (await metrics().signInFailures.get()).values.find((v) => v.labels.reason === reason)?.value ?? 0;

  it("refuses a callback whose state is not this browser's", async () => {
    const jar = new CookieJar();
    const { callback } = await toCallback(jar, "member@grace.example");
    const forged = new URL(callback);
    forged.searchParams.set("state", "not-the-state-we-sent");
    const before = await failuresOf("bad_state");
    const response = await browse(jar, forged.href);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Your sign-in expired");
    expect(jar.get(SESSION)).toBeUndefined();
    expect(await failuresOf("bad_state")).toBe(before + 1);
  });

  it("refuses a replayed code, even with the original state cookie", async () => {
    const jar = new CookieJar();
    const { callback } = await toCallback(jar, "member@grace.example");
    const replayJar = jar.clone();
    expect((await browse(jar, callback)).status).toBe(302);
    const replay = await browse(replayJar, callback);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain("We could not sign you in");
    expect(replayJar.get(SESSION)).toBeUndefined();
  });

  it("refuses a replay of the callback in the same browser", async () => {
    const { jar, callback } = await signIn("member@grace.example");
    const before = jar.get(SESSION);
    expect([...jar.cookies.values()].filter((c) => c.name.startsWith("kapatiran_oauth"))).toEqual([]);
    const again = await browse(jar, callback);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Your sign-in expired");
    expect(jar.get(SESSION)).toBe(before); // no new session from the replay
  });

  it("tells an uninvited Google account to ask their church administrator", async () => {
    const before = await failuresOf("uninvited");
    const { jar, finished } = await signIn("stranger@example.com");
    expect(finished.status).toBe(403);
    expect(await finished.text()).toContain("Ask your church administrator");
    expect(jar.get(SESSION)).toBeUndefined();
    expect(await failuresOf("uninvited")).toBe(before + 1);
  });

  it("says the same in Filipino", async () => {
    const jar = new CookieJar();
    const { callback } = await toCallback(jar, "another.stranger@example.com");
    const response = await browse(jar, callback, { headers: { "accept-language": "fil" } });
    expect(await response.text()).toContain("Magtanong sa administrator ng inyong simbahan");
  });
});

describe("invitations", () => {
  it("an invited e-mail becomes a user of the inviting church with the invited role", async () => {
    const admin = await acrossChurches(async (tx) => {
      const rows = await tx.select().from(users);
      return rows.find((u) => u.email === "admin@grace.example")!;
    }, server.database.db);
    const roleIds = await acrossChurches((tx) => builtInRoleIds(tx), server.database.db);
    await inviteUser(
      { id: admin.id, churchId: admin.churchId!, permissions: BUILT_IN_ROLES.church_admin.permissions },
      { email: "New.Leader@Example.com", roleId: roleIds.group_leader },
    );
    const { jar, finished } = await signIn("new.leader@example.com", "/me");
    expect(finished.status).toBe(302);
    const me = await (await browse(jar, at("/me"))).text();
    expect(me).toContain("Group leader");
    expect(me).toContain("Grace Fellowship (demo)");
  });
});

describe("signing out", () => {
  it("logout ends the session here and sends the browser to the provider's logout", async () => {
    const { jar } = await signIn("member@grace.example");
    const oldCookie = jar.get(SESSION)!;
    const out = await postForm(jar, at("/auth/logout"), {});
    expect(out.status).toBe(302);
    const logout = new URL(out.headers.get("location")!);
    expect(logout.pathname).toBe("/oidc/logout");
    expect(logout.searchParams.get("logout_uri")).toBe(`${server.url}/`);
    // Even a copy of the old cookie no longer works.
    const replay = await fetch(at("/me"), { headers: { cookie: `${SESSION}=${oldCookie}` }, redirect: "manual" });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toBe("/auth/login?redirectTo=%2Fme");
  });

  it("a GET cannot sign anyone out", async () => {
    const { jar } = await signIn("member@grace.example");
    await browse(jar, at("/auth/logout"));
    expect(await signedInAs(jar)).toBe("Maria Santos");
  });

  it("sign out everywhere ends every session of that user only", async () => {
    const phone = await signIn("leader@grace.example");
    const laptop = await signIn("leader@grace.example");
    const someoneElse = await signIn("member@grace.example");
    const out = await postForm(phone.jar, at("/me"), { intent: "sign-out-everywhere" });
    expect(out.status).toBe(302);
    expect(await signedInAs(phone.jar)).toBeNull();
    expect(await signedInAs(laptop.jar)).toBeNull();
    expect(await signedInAs(someoneElse.jar)).toBe("Maria Santos");
  });

  it("deactivating a user ends their open session and keeps them out", async () => {
    const { jar } = await signIn("admin@hope.example");
    expect(await signedInAs(jar)).toBe("Josefina Aquino");
    const target = await acrossChurches(
      async (tx) => (await tx.select().from(users)).find((u) => u.email === "admin@hope.example")!,
      server.database.db,
    );
    expect(await deactivateUser({ id: target.id, churchId: target.churchId }, target.id)).toBe(true);
    expect(await signedInAs(jar)).toBeNull();
    const again = await signIn("admin@hope.example");
    expect(again.finished.status).toBe(403);
    expect(await again.finished.text()).toContain("Your account is turned off");
    expect(again.jar.get(SESSION)).toBeUndefined();
  });
});

describe("guards", () => {
  it("sends an anonymous visitor to sign in, remembering the page", async () => {
    const response = await fetch(at("/directory?page=2"), { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/auth/login?redirectTo=%2Fdirectory%3Fpage%3D2");
  });

  it("answers 403 with a localized page when the permission is missing", async () => {
    const { jar } = await signIn("staff@kapatiran.example");
    const english = await browse(jar, at("/directory"));
    expect(english.status).toBe(403);
    expect(await english.text()).toContain("Not allowed");
    const filipino = await browse(jar, at("/directory?lng=fil"));
    expect(filipino.status).toBe(403);
    expect(await filipino.text()).toContain("Hindi pinapayagan");
  });
});

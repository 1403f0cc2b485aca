import { env } from "~/utils/env.server";
import { redis } from "~/utils/redis.server";
import { oncePerRequest } from "~/utils/request-scope.server";
import { noteSignedInUser } from "~/ops/log-context.server";
import { readingAcrossChurches } from "~/db/tenancy.server";
import { cachedCurrentUserIn, findCurrentUser, type CurrentUser } from "~/models/users.server";
import { generationOf, keptCopy, knownGeneration } from "~/utils/cache.server";
import { PostgresSessionStore, RedisSessionStore, type SessionStore } from "./session-store.server";

/**
 * Sessions are rows, not cookies: the cookie carries only a random token.
 * `__Host-` in production pins the cookie to our exact origin over HTTPS.
 * SameSite=Lax (not Strict) so that the redirect back from the sign-in page
 * and links from e-mails arrive signed in; every POST is also origin-checked.
 */
const production = env.NODE_ENV === "production";
export const SESSION_COOKIE = production ? "__Host-kapatiran_session" : "kapatiran_session";

const limits = { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteMinutes: env.SESSION_ABSOLUTE_MINUTES };

let store: SessionStore | undefined;
export function sessionStore(): SessionStore {
  const client = redis();
  return (store ??= client ? new RedisSessionStore(client, limits) : new PostgresSessionStore(limits));
}

/** Tests: sessions in this store (or, with undefined, the configured one again). */
export function useSessionStore(chosen: SessionStore | undefined) {
  store = chosen;
}

function cookieAttributes(maxAgeSeconds: number) {
  const parts = [`Path=/`, `HttpOnly`, `SameSite=Lax`, `Max-Age=${maxAgeSeconds}`];
  if (production) parts.push("Secure");
  return parts.join("; ");
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; ${cookieAttributes(env.SESSION_ABSOLUTE_MINUTES * 60)}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; ${cookieAttributes(0)}`;
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

function tokenOf(request: Request): string | undefined {
  const token = readCookie(request, SESSION_COOKIE);
  // Our tokens are 43 base64url characters; anything else is not worth a lookup.
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

/** Start a session for a user who just signed in: always a new token. */
export async function startSession(userId: string, request: Request, ipAddress?: string): Promise<string> {
  const token = await sessionStore().create(userId, {
    userAgent: request.headers.get("user-agent"),
    ipAddress: ipAddress ?? null,
  });
  return sessionCookie(token);
}

/** The signed-in user, or null. Looked up once per request however many loaders ask. */
export function currentUser(request: Request): Promise<CurrentUser | null> {
  // Keyed by the token too: a sign-in or sign-out within the request changes the answer.
  return oncePerRequest(`current-user:${tokenOf(request) ?? ""}`, () =>
    lookUp(request).then((user) => {
      // Ids only, for this request's log lines and metrics.
      noteSignedInUser(user);
      return user;
    }),
  );
}

async function lookUp(request: Request): Promise<CurrentUser | null> {
  const token = tokenOf(request);
  if (!token) return null;
  // A deactivated user's sessions are deleted at once; checking the user's
  // status here too means a missed deletion still cannot let them in.
  const store = sessionStore();
  if (store instanceof PostgresSessionStore) {
    // Read within the last minute and nothing has changed since (ADR 014): no query.
    const kept = await keptSignIn(store, token);
    if (kept) return kept;
    // Session and user in one read-only transaction. The session and the
    // generations are asked for together (postgres.js sends them at once); the
    // user's role and permissions then usually come from the cache.
    const { found, user } = await readingAcrossChurches(async (tx) => {
      const [found, accounts, sessions] = await Promise.all([
        store.findIn(tx, token),
        generationOf(tx, "accounts"),
        generationOf(tx, "sessions"),
      ]);
      if (!found || found.needs === "ending") return { found, user: null };
      if (found.needs === "nothing") store.keep(sessions, token, found.record);
      return { found, user: await cachedCurrentUserIn(tx, found.record.userId, accounts) };
    });
    // The rare write (once a minute a touch; an ended session deleted), after.
    if (!found || (found.needs !== "nothing" && !(await store.settle(token, found)))) return null;
    return user;
  }
  const session = await store.read(token);
  return session ? findCurrentUser(session.userId) : null;
}

/** The signed-in user from this process's memory alone, when both the session and the user are known current. */
async function keptSignIn(store: PostgresSessionStore, token: string): Promise<CurrentUser | undefined> {
  const sessions = knownGeneration("sessions");
  const session = sessions === undefined ? undefined : store.kept(sessions, token);
  return session && keptCopy<CurrentUser>("accounts", `user:${session.userId}`);
}

export async function endSession(request: Request) {
  const token = tokenOf(request);
  if (token) await sessionStore().destroy(token);
}

export function endAllSessions(userId: string) {
  return sessionStore().destroyAllForUser(userId);
}

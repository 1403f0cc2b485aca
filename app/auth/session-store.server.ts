import crypto from "node:crypto";
import { and, asc, count, eq, gt, lt, or } from "drizzle-orm";
import type { Redis } from "ioredis";
import { sessions } from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import type { Database } from "~/db/client.server";
import { generationKey } from "~/utils/cache.server";
import { processCache } from "~/utils/process-cache.server";

/**
 * Where sessions live: PostgreSQL by default, Redis when REDIS_URL is set.
 * Both keep only a SHA-256 of the cookie's token, so a copy of the store
 * cannot be replayed as cookies. Same interface, same tests
 * (tests/integration/session-store.test.ts) against the real servers.
 */

export interface SessionRecord {
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Absolute end: the session dies then, however active. */
  expiresAt: Date;
}

export interface SessionLimits {
  idleMinutes: number;
  absoluteMinutes: number;
}

export interface NewSessionMeta {
  userAgent?: string | null;
  ipAddress?: string | null;
}

/** A live session as its owner may see it (their data export): never the token or its hash. */
export interface SessionSummary extends SessionRecord {
  userAgent: string | null;
  ipAddress: string | null;
}

export interface SessionStore {
  /** Start a session; returns the token for the cookie (never stored as is). */
  create(userId: string, meta?: NewSessionMeta): Promise<string>;
  /** The live session for a token, touched; null when unknown, idle too long or past its end. */
  read(token: string): Promise<SessionRecord | null>;
  destroy(token: string): Promise<void>;
  /** Sign out everywhere: every session of the user, at once. */
  destroyAllForUser(userId: string): Promise<number>;
  /** The user's live sessions, oldest first. */
  listForUser(userId: string): Promise<SessionSummary[]>;
  /** Housekeeping: forget sessions that have ended. */
  purgeExpired(): Promise<number>;
  /** Live sessions across all users (the active-sessions gauge; not per request). */
  countActive(): Promise<number>;
}

/** A stored session as `findIn` saw it: current, due its once-a-minute touch, or over. */
export interface FoundSession {
  record: SessionRecord;
  needs: "nothing" | "touch" | "ending";
}

export const newToken = () => crypto.randomBytes(32).toString("base64url");
export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

// Writing lastSeenAt on every request would make every page a write; a minute's
// precision is plenty for a 30-minute idle timeout.
const TOUCH_AFTER_MS = 60_000;

const minutes = (n: number) => n * 60_000;

function isAlive(record: SessionRecord, limits: SessionLimits, now: number) {
  return record.expiresAt.getTime() > now && record.lastSeenAt.getTime() + minutes(limits.idleMinutes) > now;
}

export class PostgresSessionStore implements SessionStore {
  constructor(
    private readonly limits: SessionLimits,
    private readonly database?: Database,
  ) {}

  // Sessions are looked up before the church is known: across churches.
  private run<T>(work: Parameters<typeof acrossChurches<T>>[0]) {
    return this.database ? acrossChurches(work, this.database) : acrossChurches(work);
  }

  async create(userId: string, meta: NewSessionMeta = {}) {
    const token = newToken();
    const now = Date.now();
    await this.run((tx) =>
      tx.insert(sessions).values({
        idHash: hashToken(token),
        userId,
        createdAt: new Date(now),
        lastSeenAt: new Date(now),
        expiresAt: new Date(now + minutes(this.limits.absoluteMinutes)),
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        ipAddress: meta.ipAddress ?? null,
      }),
    );
    return token;
  }

  async read(token: string) {
    const found = await this.run((tx) => this.findIn(tx, token));
    return found ? this.settle(token, found) : null;
  }

  /**
   * The token's session as stored, and what it needs — reading only, so the
   * caller may look it up in a read-only transaction with the user (the
   * common case: nothing to write). `settle` then does the rare write.
   */
  async findIn(tx: Tx, token: string): Promise<FoundSession | null> {
    const [row] = await tx.select().from(sessions).where(eq(sessions.idHash, hashToken(token)));
    if (!row) return null;
    const now = Date.now();
    const record = { userId: row.userId, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, expiresAt: row.expiresAt };
    if (!isAlive(record, this.limits, now)) return { record, needs: "ending" };
    return { record, needs: now - row.lastSeenAt.getTime() > TOUCH_AFTER_MS ? "touch" : "nothing" };
  }

  /** After `findIn`: an ended session is deleted (null), a due one touched; the live record either way. */
  async settle(token: string, found: FoundSession): Promise<SessionRecord | null> {
    const idHash = hashToken(token);
    if (found.needs === "ending") {
      await this.run((tx) => tx.delete(sessions).where(eq(sessions.idHash, idHash)));
      return null;
    }
    if (found.needs === "nothing") return found.record;
    const lastSeenAt = new Date();
    await this.run((tx) => tx.update(sessions).set({ lastSeenAt }).where(eq(sessions.idHash, idHash)));
    return { ...found.record, lastSeenAt };
  }

  /**
   * A session this process found current less than a minute ago, filed under
   * the "sessions" generation the caller knows (ADR 014): a trigger bumps it
   * whenever any session ends (signing out, everywhere, deactivation,
   * housekeeping), so an ended session is never found here. Only while it
   * needs no write: once its last-seen time is due a touch (or it is past its
   * end), undefined — find it in the table, which decides.
   */
  kept(sessionsGeneration: number, token: string): SessionRecord | undefined {
    const kept = processCache("sessions").get<SessionRecord>(generationKey("sessions", sessionsGeneration, hashToken(token)));
    const now = Date.now();
    if (!kept || now - kept.lastSeenAt.getTime() > TOUCH_AFTER_MS || !isAlive(kept, this.limits, now)) return undefined;
    return kept;
  }

  /** Keep a session `findIn` found needing nothing, at the "sessions" generation read with it (or known before). */
  keep(sessionsGeneration: number, token: string, record: SessionRecord) {
    processCache("sessions").set(generationKey("sessions", sessionsGeneration, hashToken(token)), { ...record }, TOUCH_AFTER_MS / 1000);
  }

  async listForUser(userId: string): Promise<SessionSummary[]> {
    const now = Date.now();
    const rows = await this.run((tx) =>
      tx.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(asc(sessions.createdAt)),
    );
    return rows
      .filter((row) => isAlive(row, this.limits, now))
      .map(({ createdAt, lastSeenAt, expiresAt, userAgent, ipAddress }) => ({
        userId,
        createdAt,
        lastSeenAt,
        expiresAt,
        userAgent,
        ipAddress,
      }));
  }

  async destroy(token: string) {
    await this.run((tx) => tx.delete(sessions).where(eq(sessions.idHash, hashToken(token))));
  }

  async destroyAllForUser(userId: string) {
    const gone = await this.run((tx) => tx.delete(sessions).where(eq(sessions.userId, userId)).returning());
    return gone.length;
  }

  async countActive() {
    const now = Date.now();
    const [row] = await this.run((tx) =>
      tx
        .select({ n: count() })
        .from(sessions)
        .where(
          and(
            gt(sessions.expiresAt, new Date(now)),
            gt(sessions.lastSeenAt, new Date(now - minutes(this.limits.idleMinutes))),
          ),
        ),
    );
    return row?.n ?? 0;
  }

  /** Housekeeping: drop sessions past their end or idle too long. */
  async purgeExpired() {
    const now = Date.now();
    const gone = await this.run((tx) =>
      tx
        .delete(sessions)
        .where(
          or(
            lt(sessions.expiresAt, new Date(now)),
            lt(sessions.lastSeenAt, new Date(now - minutes(this.limits.idleMinutes))),
          ),
        )
        .returning(),
    );
    return gone.length;
  }
}

/**
 * Redis keeps each session under `session:<hash>` with a TTL equal to what is
 * left of the idle window (never beyond the absolute end), and a set per user
 * so "sign out everywhere" and deactivation can find them all.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly limits: SessionLimits,
    private readonly prefix = "kapatiran:",
  ) {}

  private key = (hash: string) => `${this.prefix}session:${hash}`;
  private userKey = (userId: string) => `${this.prefix}user-sessions:${userId}`;

  private ttlMs(record: SessionRecord, now: number) {
    return Math.max(1, Math.min(minutes(this.limits.idleMinutes), record.expiresAt.getTime() - now));
  }

  async create(userId: string, meta: NewSessionMeta = {}) {
    const token = newToken();
    const hash = hashToken(token);
    const now = Date.now();
    const record: SessionSummary = {
      userId,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + minutes(this.limits.absoluteMinutes)),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ipAddress: meta.ipAddress ?? null,
    };
    await this.redis
      .multi()
      .set(this.key(hash), JSON.stringify(record), "PX", this.ttlMs(record, now))
      .sadd(this.userKey(userId), hash)
      .pexpire(this.userKey(userId), minutes(this.limits.absoluteMinutes))
      .exec();
    return token;
  }

  private parse(raw: string): SessionSummary {
    const parsed = JSON.parse(raw) as Record<keyof SessionRecord, string> & Partial<Record<"userAgent" | "ipAddress", string | null>>;
    return {
      userId: parsed.userId,
      createdAt: new Date(parsed.createdAt),
      lastSeenAt: new Date(parsed.lastSeenAt),
      expiresAt: new Date(parsed.expiresAt),
      userAgent: parsed.userAgent ?? null,
      ipAddress: parsed.ipAddress ?? null,
    };
  }

  async listForUser(userId: string): Promise<SessionSummary[]> {
    const hashes = await this.redis.smembers(this.userKey(userId));
    if (hashes.length === 0) return [];
    const now = Date.now();
    const raws = await this.redis.mget(...hashes.map((hash) => this.key(hash)));
    return raws
      .flatMap((raw) => (raw ? [this.parse(raw)] : []))
      .filter((record) => record.userId === userId && isAlive(record, this.limits, now))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  async read(token: string) {
    const hash = hashToken(token);
    const raw = await this.redis.get(this.key(hash));
    if (!raw) return null;
    const record = this.parse(raw);
    const now = Date.now();
    if (!isAlive(record, this.limits, now)) {
      await this.destroyHash(hash, record.userId);
      return null;
    }
    if (now - record.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      record.lastSeenAt = new Date(now);
      await this.redis.set(this.key(hash), JSON.stringify(record), "PX", this.ttlMs(record, now), "XX");
    }
    return record;
  }

  async destroy(token: string) {
    const hash = hashToken(token);
    const raw = await this.redis.get(this.key(hash));
    const userId = raw ? (JSON.parse(raw) as { userId: string }).userId : undefined;
    await this.destroyHash(hash, userId);
  }

  private async destroyHash(hash: string, userId: string | undefined) {
    const batch = this.redis.multi().del(this.key(hash));
    if (userId) batch.srem(this.userKey(userId), hash);
    await batch.exec();
  }

  /** Redis expires keys itself (TTL). */
  async purgeExpired() {
    return 0;
  }

  /** Every live session key (they expire by TTL, so each one is alive). SCAN, never KEYS: it does not block Redis. */
  async countActive() {
    let cursor = "0";
    let n = 0;
    do {
      const [next, keys] = await this.redis.scan(cursor, "MATCH", `${this.prefix}session:*`, "COUNT", 1000);
      cursor = next;
      n += keys.length;
    } while (cursor !== "0");
    return n;
  }

  async destroyAllForUser(userId: string) {
    const hashes = await this.redis.smembers(this.userKey(userId));
    if (hashes.length === 0) return 0;
    const results = await this.redis
      .multi()
      .del(...hashes.map((hash) => this.key(hash)))
      .del(this.userKey(userId))
      .exec();
    return Number(results?.[0]?.[1] ?? 0);
  }
}

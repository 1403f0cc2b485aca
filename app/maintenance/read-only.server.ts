import { eq } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { readOnlyMode } from "~/db/schema-delivery.server";
import { acrossChurches } from "~/db/tenancy.server";
import { recordAudit } from "~/models/audit.server";
import type { RequestMeta } from "~/models/users.server";
import { logger } from "~/utils/logger.server";

/**
 * The read-only switch (issue 9): one row in the database, so every app
 * process that shares it (blue and green) follows the same switch without a
 * restart. Each process reads it at most once per READ_ONLY_CACHE_MS, since
 * server/read-only.ts asks on every request.
 */

export const READ_ONLY_CACHE_MS = 2000;

export interface ReadOnlyState {
  enabled: boolean;
  reason: string | null;
  changedAt: string | null;
  changedBy: string | null;
}

const OFF: ReadOnlyState = { enabled: false, reason: null, changedAt: null, changedBy: null };

/*
 * On globalThis: the Express entry (the middleware) and the Remix build (the
 * banner, the platform form) are two bundles; a switch made through the form
 * must reach the middleware's copy at once, not after the cache time.
 */
const slot = Symbol.for("kapatiran.read-only-cache");
type Cache = { state: ReadOnlyState; readAt: number; reading?: Promise<ReadOnlyState> };
const generation = Symbol.for("kapatiran.read-only-generation");
const holder = globalThis as { [slot]?: Cache; [generation]?: number };

async function readSwitch(database?: Database): Promise<ReadOnlyState> {
  const [row] = await acrossChurches((tx) => tx.select().from(readOnlyMode).where(eq(readOnlyMode.id, 1)), database);
  if (!row) return OFF;
  return {
    enabled: row.enabled,
    reason: row.reason,
    changedAt: row.changedAt.toISOString(),
    changedBy: row.changedBy,
  };
}

/**
 * The switch as this process last read it, refreshed when older than the cache
 * time. One read at a time: a burst of requests shares it. When the database
 * does not answer, the last known state stands (off if never read): writes
 * would fail on their own then, and reads should keep working.
 */
export async function readOnlyState(now = Date.now()): Promise<ReadOnlyState> {
  const cache = holder[slot];
  if (cache && now - cache.readAt < READ_ONLY_CACHE_MS) return cache.state;
  if (cache?.reading) return cache.reading;
  const previous = cache?.state ?? OFF;
  const started = holder[generation] ?? 0;
  const reading = readSwitch()
    .catch((error: unknown) => {
      logger.warn({ err: error }, "could not read the read-only switch; keeping the last known state");
      return previous;
    })
    .then((state) => {
      // A switch made while this read was under way wins: keep no answer older than it.
      if ((holder[generation] ?? 0) === started) holder[slot] = { state, readAt: Date.now() };
      return state;
    });
  holder[slot] = { state: previous, readAt: cache?.readAt ?? 0, reading };
  return reading;
}

/** Forget the cached switch: the next request reads the database. */
export function forgetReadOnlyState() {
  holder[generation] = (holder[generation] ?? 0) + 1;
  delete holder[slot];
}

export interface SwitchChange {
  enabled: boolean;
  reason?: string | null;
  /** Who switched: an operator's e-mail (the platform page) or name (the command). */
  changedBy: string;
  /** The signed-in platform administrator, when switched from the page. */
  actorUserId?: string | null;
}

/**
 * Turn read-only mode on or off, audited in the platform's chain in the same
 * transaction. Returns the state as stored.
 */
export async function setReadOnly(change: SwitchChange, meta: RequestMeta = {}, database?: Database): Promise<ReadOnlyState> {
  const state = await acrossChurches(async (tx) => {
    const [before] = await tx.select().from(readOnlyMode).where(eq(readOnlyMode.id, 1));
    const values = {
      enabled: change.enabled,
      // The reason belongs to this spell of read-only; switching off clears it.
      reason: change.enabled ? (change.reason?.trim() || null) : null,
      changedAt: new Date(),
      changedBy: change.changedBy,
    };
    const [row] = await tx
      .insert(readOnlyMode)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: readOnlyMode.id, set: values })
      .returning();
    await recordAudit(tx, {
      churchId: null,
      actorUserId: change.actorUserId ?? null,
      action: change.enabled ? "maintenance.read_only_on" : "maintenance.read_only_off",
      recordType: "read_only_mode",
      recordId: null,
      before: before ? { enabled: before.enabled, reason: before.reason } : null,
      after: { enabled: row!.enabled, reason: row!.reason, changedBy: row!.changedBy },
      ...meta,
    });
    return { enabled: row!.enabled, reason: row!.reason, changedAt: row!.changedAt.toISOString(), changedBy: row!.changedBy };
  }, database);
  forgetReadOnlyState();
  logger.info({ event: state.enabled ? "read_only_on" : "read_only_off" }, `read-only mode ${state.enabled ? "on" : "off"}`);
  return state;
}

/** The switch straight from the database, no cache: for the command's `status`. */
export const readOnlyStateNow = (database?: Database) => readSwitch(database);

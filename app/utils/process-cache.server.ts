import { env } from "./env.server";

/**
 * This process's own cache, for what must never leave it: sessions and what
 * one member may see of others (a directory page as the privacy policy
 * decided it for them). Never Redis, whatever REDIS_URL says — the shared
 * cache holds only what any process may serve to anyone it concerns
 * (cache.server.ts).
 *
 * Values are kept as they are, not as JSON, and frozen: every hit hands out
 * the same object, so a caller that tried to change one would throw instead
 * of changing someone else's page. Keys name a generation (ADR 011, 014): a
 * change retires entries by moving on, not by deleting them; the least
 * recently read go when the map is full, and nothing outlives its TTL.
 */
export class ProcessCache {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry); // most recently read goes last
    return entry.value as T;
  }

  set<T>(key: string, value: T, ttlSeconds: number): T {
    const frozen = deepFreeze(value);
    this.entries.delete(key);
    this.entries.set(key, { value: frozen, expiresAt: this.now() + ttlSeconds * 1000 });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return frozen;
  }

  delete(key: string) {
    this.entries.delete(key);
  }

  /** Every key starting with `prefix`. */
  deletePrefix(prefix: string) {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  get size() {
    return this.entries.size;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/*
 * One of each per process, on globalThis: the Express entry and the Remix build
 * are two bundles. Sessions are a few hundred bytes each; a directory page
 * (25 members as one viewer sees them) some tens of kilobytes, so fewer
 * (KEPT_MEMBER_PAGES; 0 keeps none).
 */
const sizes = () => ({ sessions: 10_000, "member-pages": env.KEPT_MEMBER_PAGES });
export type ProcessCacheName = "sessions" | "member-pages";

const slot = Symbol.for("kapatiran.process-caches");
type Slot = { [slot]?: Partial<Record<ProcessCacheName, ProcessCache>> };
const caches = () => ((globalThis as Slot)[slot] ??= {});

export function processCache(name: ProcessCacheName): ProcessCache {
  return (caches()[name] ??= new ProcessCache(sizes()[name]));
}

/** Tests: start every process cache empty, as a process that has seen nothing yet. */
export function emptyProcessCaches() {
  (globalThis as Slot)[slot] = {};
}

/**
 * What this process knows of the cache generations without asking the
 * database (docs/decisions/014-generations-heard-not-read.md).
 *
 * Every bump of `cache_generations` is announced by PostgreSQL on the
 * channel below when its transaction commits (migration 0022). A process that
 * listens hears each bump a moment after the commit — every process on the
 * database: both app processes, blue and green, whoever wrote (psql too). So a
 * generation it has read or heard is still the current one until it hears
 * otherwise, and a page whose lookups are all cached needs no query at all.
 *
 * Three rules keep that true:
 * - Nothing is known unless the feed is listening. When the listening
 *   connection drops, everything known is forgotten until it listens again.
 * - A generation read from the database is remembered only if nothing was
 *   heard (and nothing forgotten) while it was being read: a read that raced a
 *   bump may hold the old number, and the bump's announcement may already have
 *   come and gone.
 * - This process's own writes are seen at once: the transaction doors forget
 *   everything when a transaction that may have written commits
 *   (`app/db/tenancy.server.ts`), before its caller goes on. Other processes'
 *   writes are seen when heard — within milliseconds on one box.
 * And as a last guard, nothing known is trusted for longer than TRUST_MS
 * without being heard or read again.
 */
export const GENERATIONS_CHANNEL = "kapatiran_generations";

/** How long a generation is believed without news: bounds the damage of a silently dead connection. */
export const TRUST_MS = 10_000;

/** How a connection listens: engine-specific (client.server.ts). */
export interface Listening {
  /** Starts listening; `lost` is called if the listening connection goes away. */
  listen(onMessage: (payload: string) => void, lost: () => void): Promise<{ stop(): Promise<void> }>;
}

export class GenerationFeed {
  private known = new Map<string, { generation: number; at: number }>();
  private epoch = 0;
  private listening: "no" | "starting" | "yes" = "no";
  private stopListening: (() => Promise<void>) | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly source: Listening | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** The scope's generation if known and trusted; undefined means "read it". Starts the feed on first use. */
  get(scope: string): number | undefined {
    if (this.listening !== "yes") {
      this.start();
      return undefined;
    }
    const entry = this.known.get(scope);
    if (!entry || this.now() - entry.at > TRUST_MS) return undefined;
    return entry.generation;
  }

  /** Take before reading a generation from the database; pass to `remember`. */
  mark(): number {
    return this.epoch;
  }

  /** A generation read from the database since `mark`: kept only if nothing was heard or forgotten meanwhile. */
  remember(scope: string, generation: number, mark: number) {
    if (this.listening === "yes" && mark === this.epoch) this.known.set(scope, { generation, at: this.now() });
  }

  /** An announcement: "<scope> <generation>". */
  heard(payload: string) {
    this.epoch++;
    const space = payload.lastIndexOf(" ");
    const generation = Number(payload.slice(space + 1));
    if (space > 0 && Number.isSafeInteger(generation)) {
      this.known.set(payload.slice(0, space), { generation, at: this.now() });
    }
  }

  /** Believe nothing until read again: this process wrote, or stopped hearing. */
  forget() {
    this.epoch++;
    this.known.clear();
  }

  /** Whether generations are being heard (tests, /metrics). */
  get live() {
    return this.listening === "yes";
  }

  private start() {
    if (this.listening !== "no" || !this.source || this.closed) return;
    this.listening = "starting";
    this.source
      .listen(
        (payload) => this.heard(payload),
        () => this.lost(),
      )
      .then(
        (subscription) => {
          this.stopListening = () => subscription.stop();
          if (this.closed) return void subscription.stop();
          // Whatever happened before listening began was not heard.
          this.forget();
          this.listening = "yes";
        },
        () => this.lost(),
      );
  }

  private lost() {
    this.forget();
    this.listening = "no";
    this.stopListening = undefined;
    // Try again shortly; until then every generation is read.
    if (!this.closed && !this.retry) {
      this.retry = setTimeout(() => {
        this.retry = undefined;
        this.start();
      }, 1000);
      this.retry.unref();
    }
  }

  async close() {
    this.closed = true;
    this.forget();
    if (this.retry) clearTimeout(this.retry);
    this.listening = "no";
    await this.stopListening?.();
  }
}

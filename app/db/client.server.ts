import fs from "node:fs";
import path from "node:path";
import type postgres from "postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { logger as appLogger } from "../utils/logger.server";
import { GENERATIONS_CHANNEL, GenerationFeed, type Listening } from "./generation-feed.server";
import { pgliteExtensions } from "./pglite-extensions";
import * as schema from "./schema.server";

/**
 * One database handle for the whole process, over either engine:
 * - `DATABASE_URL` set: PostgreSQL through the `postgres` driver, with a pool;
 * - absent: PGlite (PostgreSQL in WebAssembly) in a folder under ./data.
 * Both speak the same SQL, so row-level security, migrations and tests are
 * the same on each (docs/decisions/001-embedded-postgres.md).
 */

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = "pglite" | "postgres";

export interface Connection {
  db: Database;
  engine: Engine;
  /** Where it points, for logs: a folder or host/database, never a password. */
  description: string;
  /** The cache generations this process has heard announced (ADR 014); listens on first use. */
  generations: GenerationFeed;
  close(): Promise<void>;
}

export interface OpenOptions {
  url?: string;
  /** Folder of the embedded database; `memory://` for a throwaway one. */
  dataDir?: string;
  /**
   * A throwaway embedded database starts as a copy of this one (PGlite's dumpDataDir), not
   * empty: the integration tests copy one migrated database instead of making each anew.
   */
  startFrom?: Blob;
  poolSize?: number;
  /** Called with every SQL statement (tests count queries with it). */
  onQuery?: (query: string) => void;
}

/** Raised when the database cannot be reached at start; the message is one line. */
export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

export async function openDatabase(options: OpenOptions): Promise<Connection> {
  const logger = queryLogger(options.onQuery);
  const connection = await (options.url
    ? openPostgres(options.url, options.poolSize ?? 10, logger)
    : openPglite(options.dataDir ?? "./data/db", logger, options.startFrom));
  feeds.set(connection.db, connection.generations);
  return connection;
}

// Which feed belongs to a handle: the transaction doors get the handle, not the connection.
// On globalThis, like the connection below: the Express entry and the Remix build both ask.
const feedsSlot = Symbol.for("kapatiran.generation-feeds");
const feeds = ((globalThis as { [feedsSlot]?: WeakMap<Database, GenerationFeed> })[feedsSlot] ??= new WeakMap());

export const generationsOf = (database: Database): GenerationFeed | undefined => feeds.get(database);

type QueryLogger = { logQuery(query: string, params: unknown[]): void } | undefined;

/**
 * At LOG_LEVEL=debug every statement is logged with the request id (the
 * logger adds it from the request scope). The SQL only: the parameters are
 * members' names, addresses and notes.
 */
function queryLogger(onQuery: OpenOptions["onQuery"]): QueryLogger {
  const debug = appLogger.isLevelEnabled("debug");
  if (!onQuery && !debug) return undefined;
  return {
    logQuery(query) {
      onQuery?.(query);
      if (debug) appLogger.debug({ event: "db_query", sql: query }, "query");
    },
  };
}

async function openPostgres(url: string, poolSize: number, logger: QueryLogger): Promise<Connection> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { prepareEveryStatement } = await import("./prepared-statements.server");
  prepareEveryStatement();
  const target = new URL(url);
  const description = `postgres ${target.hostname}:${target.port || 5432}${target.pathname}`;
  const client = postgres(url, {
    max: poolSize,
    connect_timeout: 5,
    idle_timeout: 60,
    onnotice: () => {},
  });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnreachableError(`Database error: cannot reach DATABASE_URL (${description}): ${reason}`);
  }
  const generations = new GenerationFeed(postgresListening(url));
  return {
    db: drizzle(client, { schema, logger }) as unknown as Database,
    engine: "postgres",
    description,
    generations,
    close: async () => {
      await generations.close();
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * PostgreSQL announces to a listening session, so the feed has a connection of
 * its own (one per process, outside the pool). If it closes, the feed is told
 * at once and forgets what it knew until a new one listens.
 */
// postgres.js's own hook for announcements (what its sql.listen uses): in its options, not in its types.
type NotifyHook = { onnotify: (channel: string, payload: string) => void };

function postgresListening(url: string): Listening {
  return {
    async listen(onMessage, lost) {
      const { default: postgres } = await import("postgres");
      let ended = false;
      const end = () => {
        ended = true;
        return listener.end({ timeout: 1 }).catch(() => {});
      };
      const options: postgres.Options<{}> & NotifyHook = {
        max: 1,
        connect_timeout: 5,
        onnotice: () => {},
        onnotify: (channel, payload) => {
          if (channel === GENERATIONS_CHANNEL) onMessage(payload);
        },
        onclose: () => {
          if (ended) return;
          void end();
          lost();
        },
      };
      const listener = postgres(url, options);
      try {
        await listener.unsafe(`listen ${GENERATIONS_CHANNEL}`);
      } catch (error) {
        await end();
        throw error;
      }
      return { stop: end };
    },
  };
}

async function openPglite(dataDir: string, logger: QueryLogger, startFrom?: Blob): Promise<Connection> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const client = await PGlite.create(inMemory ? undefined : dataDir, {
    extensions: await pgliteExtensions(),
    ...(inMemory && startFrom ? { loadDataDir: startFrom } : {}),
  });
  // PGlite runs inside this process and never drops the connection.
  const generations = new GenerationFeed({
    async listen(onMessage) {
      const unlisten = await client.listen(GENERATIONS_CHANNEL, onMessage);
      return { stop: () => unlisten() };
    },
  });
  return {
    db: drizzle(client, { schema, logger }) as unknown as Database,
    engine: "pglite",
    description: inMemory ? "pglite in memory" : `pglite ${dataDir}`,
    generations,
    close: async () => {
      await generations.close();
      await client.close();
    },
  };
}

/*
 * The process-wide connection. The Express entry and the Remix build are two
 * bundles that both import this module, so the handle lives on globalThis
 * rather than in a module variable: both see the same pool.
 */
const slot = Symbol.for("kapatiran.database");
type Slot = { [slot]?: Connection };

export function useConnection(connection: Connection | undefined) {
  (globalThis as Slot)[slot] = connection;
}

export function currentConnection(): Connection {
  const connection = (globalThis as Slot)[slot];
  if (!connection) throw new Error("The database is not connected yet (call connectDatabase at start-up).");
  return connection;
}

export function db(): Database {
  return currentConnection().db;
}

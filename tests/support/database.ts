import crypto from "node:crypto";
import fs from "node:fs";
import { inject } from "vitest";
import { openDatabase, type Connection } from "~/db/client.server";
import { migrate } from "~/db/migrations.server";

export interface TestDatabase extends Connection {
  /** The database's URL on a PostgreSQL server; undefined for PGlite. */
  url?: string;
  /** Close the connection and, on a server, drop the database. */
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file: on the PostgreSQL server named by
 * DATABASE_URL when it is set (a new database, dropped afterwards), else a
 * throwaway in-memory PGlite, copied from the one the global setup migrated
 * (tests/support/pglite-snapshot.ts). Migrated unless `{ migrated: false }`
 * (then empty); on a copy, migrating only finds every migration applied.
 */
export async function freshDatabase(
  options: { migrated?: boolean; onQuery?: (query: string) => void } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  let connection: Connection;
  let dropDatabase = async () => {};
  let url: string | undefined;

  if (serverUrl) {
    const { default: postgres } = await import("postgres");
    // TEST_DATABASE_PREFIX keeps several people's test databases on one server apart.
    const name = `${process.env.TEST_DATABASE_PREFIX ?? "kapatiran_test_"}${crypto.randomBytes(6).toString("hex")}`;
    const adminUrl = new URL(serverUrl);
    adminUrl.pathname = "/postgres";
    const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const testUrl = new URL(serverUrl);
    testUrl.pathname = `/${name}`;
    url = testUrl.toString();
    connection = await openDatabase({ url, poolSize: 4, onQuery: options.onQuery });
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const snapshot = options.migrated !== false ? inject("pgliteSnapshot") : "";
    const startFrom = snapshot ? new Blob([fs.readFileSync(snapshot)]) : undefined;
    connection = await openDatabase({ dataDir: "memory://", onQuery: options.onQuery, startFrom });
  }

  if (options.migrated !== false) await migrate(connection.db);
  return {
    ...connection,
    url,
    async drop() {
      await connection.close();
      await dropDatabase();
    },
  };
}

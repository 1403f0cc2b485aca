import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "~/db/client.server";
import { migrate } from "~/db/migrations.server";

/*
 * Global setup of the integration tests on PGlite: one database made and
 * migrated once, its files written to a temporary tarball that every test
 * file's fresh database starts from (tests/support/database.ts). Making a
 * PGlite database from nothing (initdb in WebAssembly) and migrating it takes
 * about 3.5 s here, loading the copy about 1 s — for each of some 70 files.
 * On a PostgreSQL server (DATABASE_URL) each file still makes and migrates its own.
 */

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated PGlite database's files, or "" on a PostgreSQL server. */
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("pgliteSnapshot", "");
    return;
  }
  const connection = await openDatabase({ dataDir: "memory://" });
  const file = path.join(os.tmpdir(), `kapatiran-pglite-${process.pid}.tar`);
  try {
    await migrate(connection.db);
    // The PGlite under the Drizzle handle (the app's Database type does not name it).
    const client = (connection.db as unknown as { $client: { dumpDataDir(compression: "none"): Promise<Blob> } }).$client;
    fs.writeFileSync(file, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
  } finally {
    await connection.close();
  }
  project.provide("pgliteSnapshot", file);
  return () => fs.rmSync(file, { force: true });
}

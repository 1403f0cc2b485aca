import path from "node:path";
import { DatabaseUnreachableError, openDatabase, type Database } from "~/db/client.server";
import { env } from "~/utils/env.server";

/**
 * Open the configured database without migrating (so rollback can run), do
 * `work`, close. Failures print one line and exit 1, like the server.
 */
export async function runWithDatabase(what: string, work: (database: Database) => Promise<void>) {
  try {
    const connection = await openDatabase({ url: env.DATABASE_URL, dataDir: path.join(env.DATA_DIR, "db") });
    try {
      await work(connection.db);
    } finally {
      await connection.close();
    }
  } catch (error) {
    const message = error instanceof DatabaseUnreachableError ? error.message : `${what} failed: ${(error as Error).message}`;
    console.error(message);
    process.exit(1);
  }
}

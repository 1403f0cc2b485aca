import path from "node:path";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { openDatabase, useConnection, currentConnection, type Connection } from "./client.server";
import { migrate } from "./migrations.server";

/**
 * Start-up: open the configured database, bring its schema up to date and make
 * it the process-wide connection. Migrations are safe to run twice and at once
 * from two processes (blue and green), so every start runs them.
 */
export async function connectDatabase(): Promise<Connection> {
  const connection = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: path.join(env.DATA_DIR, "db"),
    poolSize: env.DATABASE_POOL_SIZE,
  });
  const applied = await migrate(connection.db);
  logger.info({ database: connection.description, applied }, "database ready");
  useConnection(connection);
  return connection;
}

export async function disconnectDatabase() {
  const connection = currentConnection();
  useConnection(undefined);
  await connection.close();
}

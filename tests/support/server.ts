import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { useConnection } from "~/db/client.server";
import { closeRedis } from "~/utils/redis.server";
import { createApp } from "../../server/app";
import { localIdentityProviderFromEnv } from "../../server/local-idp/from-env";
import { freshDatabase, type TestDatabase } from "./database";

export interface TestServer {
  url: string;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real Express app, the real Remix build (run `npm run build` first) and
 * the local identity provider, on the port chosen by setup-integration.ts,
 * over a fresh database. No mocks of our own routes.
 */
export async function startTestServer(
  options: { seed?: (database: TestDatabase) => Promise<void>; publicFormLimitPerMinute?: number } = {},
): Promise<TestServer> {
  const buildPath = path.resolve("build/remix/index.js");
  if (!fs.existsSync(buildPath)) throw new Error("No Remix build: run `npm run build` before the integration tests.");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const database = await freshDatabase();
  useConnection(database);
  if (options.seed) await options.seed(database);
  const app = createApp({
    build,
    localIdentityProvider: await localIdentityProviderFromEnv(),
    publicFormLimitPerMinute: options.publicFormLimitPerMinute,
  });
  const server = app.listen(Number(process.env.PORT), "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      useConnection(undefined);
      await closeRedis();
      await database.drop();
    },
  };
}

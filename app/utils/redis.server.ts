import { Redis } from "ioredis";
import { env } from "./env.server";
import { logger } from "./logger.server";

/*
 * One Redis connection per process when REDIS_URL is set (sessions, rate
 * limits). On globalThis for the same reason as the database: two bundles.
 */
const slot = Symbol.for("kapatiran.redis");
type Slot = { [slot]?: Redis };

export function redis(): Redis | undefined {
  if (!env.REDIS_URL) return undefined;
  const holder = globalThis as Slot;
  if (!holder[slot]) {
    const client = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
    client.on("error", (error) => logger.error({ err: error }, "redis error"));
    holder[slot] = client;
  }
  return holder[slot];
}

export async function closeRedis() {
  const holder = globalThis as Slot;
  const client = holder[slot];
  holder[slot] = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}

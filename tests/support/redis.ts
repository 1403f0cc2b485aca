import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import { Redis } from "ioredis";

export interface TestRedis {
  url: string;
  client: Redis;
  stop(): Promise<void>;
}

/** Whether a Redis can be had: REDIS_URL, or a `redis-server` binary to start privately. */
export const redisAvailable = Boolean(process.env.REDIS_URL) || spawnSync("redis-server", ["--version"]).status === 0;

/**
 * A real Redis for one test file: the server at REDIS_URL when given (its own
 * key prefix keeps files apart), else a private `redis-server` on a free port,
 * stopped afterwards.
 */
export async function startRedis(): Promise<TestRedis> {
  let child: ChildProcess | undefined;
  let url = process.env.REDIS_URL;
  if (!url) {
    const port = await freePort();
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    url = `redis://127.0.0.1:${port}`;
    await waitForPort(port);
  }
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: (n) => (n > 50 ? null : 100) });
  await client.connect();
  return {
    url,
    client,
    async stop() {
      await client.quit();
      child?.kill("SIGTERM");
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not open port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

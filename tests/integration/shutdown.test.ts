import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { closeGracefully } from "../../server/shutdown";

describe("graceful shutdown", () => {
  it("finishes the request in flight, refuses new connections, then closes the database", async () => {
    const order: string[] = [];
    const server = http.createServer((_req, res) => {
      // Recorded by the server as the response completes, not when the client hears of it.
      res.on("finish", () => order.push("request finished"));
      setTimeout(() => res.end("finished"), 300);
    });
    server.keepAliveTimeout = 60_000; // an idle keep-alive socket must not hold shutdown open
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = closeGracefully(server, async () => {
      order.push("database closed");
    });

    expect(await inFlight).toBe("finished");
    await expect(fetch(`http://127.0.0.1:${port}/late`)).rejects.toThrow();
    expect(await closed).toBe(true);
    expect(order).toEqual(["request finished", "database closed"]);
  });
});

import { describe, expect, it } from "vitest";
import { GenerationFeed, TRUST_MS, type Listening } from "~/db/generation-feed.server";

/**
 * The rules of what a process may believe about cache generations without
 * reading them (ADR 014). The database side — announcements on commit, a cut
 * connection — is tested on the real engines in
 * tests/integration/generations-heard.test.ts; here a hand-driven source
 * stands in for the listening connection so each rule can be put in order.
 */
function source() {
  const calls = { listen: 0, stopped: 0 };
  let announce: (payload: string) => void = () => {};
  let cut: () => void = () => {};
  let answer: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const listening: Listening = {
    listen(onMessage, lost) {
      calls.listen++;
      announce = onMessage;
      cut = lost;
      return new Promise((resolve, reject) => {
        answer = { resolve: () => resolve({ stop: async () => void calls.stopped++ }), reject };
      });
    },
  };
  return {
    listening,
    calls,
    announce: (payload: string) => announce(payload),
    cut: () => cut(),
    listens: async () => {
      answer!.resolve();
      await Promise.resolve();
      await Promise.resolve();
    },
    fails: async () => {
      answer!.reject(new Error("refused"));
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

async function listeningFeed(now = () => 0) {
  const driver = source();
  const feed = new GenerationFeed(driver.listening, now);
  expect(feed.get("help")).toBeUndefined(); // starts listening
  await driver.listens();
  expect(feed.live).toBe(true);
  return { feed, driver };
}

describe("the generation feed", () => {
  it("knows nothing, and keeps nothing it reads, until it listens; then keeps what it reads", async () => {
    const driver = source();
    const feed = new GenerationFeed(driver.listening, () => 0);
    const mark = feed.mark();
    feed.remember("help", 7, mark);
    expect(feed.get("help")).toBeUndefined();
    expect(driver.calls.listen).toBe(1);
    feed.get("help");
    expect(driver.calls.listen).toBe(1); // one start, however many ask
    await driver.listens();
    expect(feed.get("help")).toBeUndefined(); // read before it listened: not kept
    const again = feed.mark();
    feed.remember("help", 7, again);
    expect(feed.get("help")).toBe(7);
  });

  it("believes what it hears, the latest announcement winning", async () => {
    const { feed, driver } = await listeningFeed();
    driver.announce("directory:0b6f 41");
    driver.announce("directory:0b6f 42");
    driver.announce("accounts 9");
    expect(feed.get("directory:0b6f")).toBe(42);
    expect(feed.get("accounts")).toBe(9);
    driver.announce("not a generation");
    driver.announce("help NaN");
    expect(feed.get("help")).toBeUndefined();
  });

  it("drops a read that raced an announcement: the read may hold the number before it", async () => {
    const { feed, driver } = await listeningFeed();
    const mark = feed.mark();
    driver.announce("accounts 10"); // a bump commits while the read is on its way
    feed.remember("accounts", 9, mark);
    expect(feed.get("accounts")).toBe(10);
    const raced = feed.mark();
    driver.announce("help 3");
    feed.remember("sessions", 5, raced); // any announcement: the read may be older than it
    expect(feed.get("sessions")).toBeUndefined();
  });

  it("forgets everything when told (this process wrote), and a read begun before is not kept", async () => {
    const { feed, driver } = await listeningFeed();
    driver.announce("accounts 10");
    const mark = feed.mark();
    feed.forget();
    feed.remember("help", 3, mark);
    expect(feed.get("accounts")).toBeUndefined();
    expect(feed.get("help")).toBeUndefined();
  });

  it("trusts nothing it has not heard or read for TRUST_MS", async () => {
    let clock = 1_000;
    const { feed, driver } = await listeningFeed(() => clock);
    driver.announce("accounts 10");
    clock += TRUST_MS;
    expect(feed.get("accounts")).toBe(10);
    clock += 1;
    expect(feed.get("accounts")).toBeUndefined();
    driver.announce("accounts 10");
    expect(feed.get("accounts")).toBe(10);
  });

  it("when the connection is cut: forgets, believes nothing, and listens again a second later", async () => {
    const { feed, driver } = await listeningFeed();
    driver.announce("accounts 10");
    driver.cut();
    expect(feed.live).toBe(false);
    expect(feed.get("accounts")).toBeUndefined();
    feed.remember("accounts", 10, feed.mark());
    expect(feed.get("accounts")).toBeUndefined();
    // The retry is a timer; a request asking in the meantime starts listening itself.
    expect(driver.calls.listen).toBe(2);
    await driver.listens();
    expect(feed.live).toBe(true);
    expect(feed.get("accounts")).toBeUndefined(); // whatever was said while cut was not heard
    await feed.close();
  });

  it("a refused listen leaves it reading, not believing", async () => {
    const driver = source();
    const feed = new GenerationFeed(driver.listening, () => 0);
    feed.get("help");
    await driver.fails();
    expect(feed.live).toBe(false);
    feed.remember("help", 1, feed.mark());
    expect(feed.get("help")).toBeUndefined();
    await feed.close();
  });

  it("closing stops the listening connection and believes nothing after", async () => {
    const { feed, driver } = await listeningFeed();
    driver.announce("accounts 10");
    await feed.close();
    expect(driver.calls.stopped).toBe(1);
    expect(feed.get("accounts")).toBeUndefined();
    expect(driver.calls.listen).toBe(1); // closed: never starts again
  });

  it("without a way to listen, always reads", () => {
    const feed = new GenerationFeed(undefined);
    feed.remember("help", 1, feed.mark());
    expect(feed.get("help")).toBeUndefined();
  });
});

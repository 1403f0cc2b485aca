/**
 * Load at a steady rate, for the capacity step: one request every 1/rate
 * seconds, sent when it is due whether or not earlier ones have answered
 * (open loop), each timed from when it was due — so a server that falls
 * behind shows it in the latency instead of being asked less.
 *
 * Not autocannon's `overallRate`: that spends each second's budget at the
 * start of the second, so "20 a second" arrives as bursts of 20 at once, and
 * p95 measured the burst's queue (about 240 ms at 20 a second with a third of
 * one core busy), not the server at that rate.
 */
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { figuresOf, requestHeaders, type LoadFigures, type PageRequest } from "./load";

export interface SteadyLoadOptions {
  baseUrl: string;
  next: () => PageRequest;
  seconds: number;
  /** Requests a second, evenly spaced. */
  rate: number;
  /** Keep-alive connections at most (requests beyond wait for one, and that wait counts). */
  connections: number;
  gzip?: boolean;
}

const TIMEOUT_MS = 10_000;

export async function runSteadyLoad(options: SteadyLoadOptions): Promise<LoadFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const base = new URL(options.baseUrl);
  const interval = 1000 / options.rate;
  const count = Math.max(1, Math.round(options.seconds * options.rate));
  const latencies: number[] = [];
  const badStatuses: Record<number, number> = {};
  let socketErrors = 0;
  const answers: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    answers.push(
      send(agent, base, options.next(), options.gzip ?? false).then(({ status, finishedAt }) => {
        latencies.push(finishedAt - due);
        if (status === 0) socketErrors += 1;
        else if (status < 200 || status > 299) badStatuses[status] = (badStatuses[status] ?? 0) + 1;
      }),
    );
  }
  await Promise.all(answers);
  agent.destroy();
  const non2xx = Object.values(badStatuses).reduce((sum, n) => sum + n, 0);
  // Over the time the load was offered: answers that came late still count, their lateness is in the latency.
  return figuresOf(latencies, { seconds: options.seconds, non2xx, socketErrors, badStatuses });
}

/** One GET, its body read to the end; status 0 for a socket error or a timeout. */
function send(agent: http.Agent, base: URL, page: PageRequest, gzip: boolean): Promise<{ status: number; finishedAt: number }> {
  return new Promise((resolve) => {
    const done = (status: number) => resolve({ status, finishedAt: performance.now() });
    const request = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        path: page.path,
        headers: requestHeaders(base.origin, page, gzip ? { "accept-encoding": "gzip" } : {}),
      },
      (response) => {
        response.resume();
        response.on("end", () => done(response.statusCode ?? 0));
        response.on("error", () => done(0));
      },
    );
    request.setTimeout(TIMEOUT_MS, () => request.destroy(new Error("timeout")));
    request.on("error", () => done(0));
    request.end();
  });
}

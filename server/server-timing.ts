import type { RequestHandler } from "express";

/**
 * `Server-Timing: app;dur=12.3` on every response: the milliseconds from the
 * request's arrival until its headers are written. Pages render whole before
 * their headers go out, so this is the server's time for the page; browsers'
 * developer tools and the benchmarks read it. (Only a duration: no names or
 * queries that would tell an outsider about the internals.)
 */
export const serverTiming: RequestHandler = (_req, res, next) => {
  const started = process.hrtime.bigint();
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (!res.headersSent) res.setHeader("Server-Timing", `app;dur=${elapsed.toFixed(1)}`);
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
};

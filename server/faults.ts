import type { RequestHandler } from "express";
import { shouldFail } from "../app/ops/faults.server";

/**
 * Answers a request with 500 "Injected fault" when the test-only fault switch
 * says so (app/ops/faults.server.ts). Mounted by createApp only when
 * ALLOW_FAULT_INJECTION is on, after the access log, so the failures are
 * logged and counted like real ones.
 */
export const injectFaults: RequestHandler = (req, res, next) => {
  if (!shouldFail(req.path)) return next();
  res.status(500).type("text/plain").send("Injected fault");
};

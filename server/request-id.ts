import crypto from "node:crypto";
import type { RequestHandler } from "express";

// A caller's id is kept only when it is short and plain, so it cannot smuggle
// newlines or markup into logs.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Tag every request with an id (the caller's `X-Request-Id`, or a new one) and echo it back. */
export const requestId: RequestHandler = (req, res, next) => {
  const given = req.get("x-request-id");
  const id = given && ACCEPTABLE_ID.test(given) ? given : crypto.randomUUID();
  res.locals.requestId = id;
  res.setHeader("X-Request-Id", id);
  next();
};

import { freePort } from "./redis";

/*
 * Runs before each integration test file, before the app's modules load:
 * the app's own origin (the local identity provider's issuer is built from
 * it) must be known before env.server.ts parses the environment.
 */
const port = await freePort();
process.env.PORT = String(port);
process.env.APP_URL = `http://127.0.0.1:${port}`;
// A fixed secret, so tests never write one into ./data.
process.env.SESSION_SECRET ??= "integration-tests-secret-0123456789abcdef";
// Tests sign in far faster than people do; the limit itself is tested in rate-limit.test.ts.
process.env.AUTH_RATE_LIMIT_PER_MINUTE ??= "10000";
// With REDIS_URL every test file shares one count per address: keep it out of the way
// (tests/integration/public-form-limit.test.ts checks the limit with its own).
process.env.PUBLIC_FORM_RATE_LIMIT_PER_MINUTE ??= "10000";

import { currentRequestId } from "./log-context.server";

/**
 * Every `fetch` the app makes while answering a request carries that
 * request's `X-Request-Id`, so the other side's logs (the identity provider,
 * the alert webhook, Sentry) can be joined with ours. Libraries make these
 * calls with the global fetch and offer no hook for headers (remix-auth-oauth2's
 * token exchange, jose's key download), hence a wrapper around the global,
 * installed once per process. A header the caller set is left alone.
 */
const installed = Symbol.for("kapatiran.fetch-request-id");

export function tagOutgoingFetches() {
  const holder = globalThis as { [installed]?: true };
  if (holder[installed]) return;
  holder[installed] = true;
  const untagged = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const requestId = currentRequestId();
    if (!requestId) return untagged(input, init);
    // Headers given with init replace the Request's own, as fetch itself does.
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (headers.has("x-request-id")) return untagged(input, init);
    headers.set("X-Request-Id", requestId);
    return untagged(input, { ...init, headers });
  };
}

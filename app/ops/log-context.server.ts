import { oncePerRequest } from "~/utils/request-scope.server";

/**
 * Who and what a request is, for logs and outgoing calls: its id (set by the
 * Express entry) and, once the session is looked up, the signed-in user's id
 * and church id. Ids only: names, e-mail addresses and session tokens never
 * go in here, so nothing that reads it can leak them.
 *
 * One mutable object per request, kept in the request scope. The access log
 * holds on to it from the start, because the response's "finish" event is not
 * guaranteed to run inside the request's async context.
 */
export interface RequestContext {
  requestId: string | null;
  userId: string | null;
  churchId: string | null;
}

export function requestContext(): RequestContext {
  // Outside a request (start-up, the minute ticker) this is a fresh, empty object each time.
  return oncePerRequest<RequestContext>("log-context", () => ({ requestId: null, userId: null, churchId: null }));
}

export function noteRequestId(requestId: string) {
  requestContext().requestId = requestId;
}

/** Called where the session is resolved; `null` when the visitor is anonymous. */
export function noteSignedInUser(user: { id: string; churchId: string | null } | null) {
  const context = requestContext();
  context.userId = user?.id ?? null;
  context.churchId = user?.churchId ?? null;
}

/** The current request's id, or null outside a request. For logs and outgoing calls. */
export function currentRequestId(): string | null {
  return requestContext().requestId;
}

/** Headers to add to a call the app makes to another service, so both sides' logs can be joined. */
export function requestIdHeaders(): Record<string, string> {
  const id = currentRequestId();
  return id ? { "X-Request-Id": id } : {};
}

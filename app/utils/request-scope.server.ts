import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Values computed once per HTTP request, however many loaders ask (the
 * signed-in user, say). Remix hands each loader its own Request object, so a
 * cache keyed by Request would miss; the Express entry opens one scope per
 * request instead. On globalThis: the Express entry and the Remix build are two
 * bundles that must share it.
 */
type Scope = Map<string, unknown>;
const slot = Symbol.for("kapatiran.request-scope");
const holder = globalThis as { [slot]?: AsyncLocalStorage<Scope> };
const storage = (holder[slot] ??= new AsyncLocalStorage<Scope>());

export function runInRequestScope<T>(work: () => T): T {
  return storage.run(new Map(), work);
}

/** The value under `key` for this request, computed by `compute` the first time. Outside a scope: no caching. */
export function oncePerRequest<T>(key: string, compute: () => T): T {
  const scope = storage.getStore();
  if (!scope) return compute();
  if (!scope.has(key)) scope.set(key, compute());
  return scope.get(key) as T;
}

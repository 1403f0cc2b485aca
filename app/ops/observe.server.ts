import { metrics } from "~/utils/metrics.server";
import { featureArea } from "./feature-areas";
import { recordRequest } from "./minute-recorder.server";

export interface ObservedRequest {
  method: string;
  /** The route's pattern (`/directory/:memberId`), never the path with its ids or query. */
  route: string;
  status: number;
  durationMs: number;
  userId: string | null;
}

/** One finished request: Prometheus counters and histogram per route, and the current minute's rollup. */
export function observeRequest(request: ObservedRequest) {
  const { httpRequests, httpErrors, httpDuration, featureUse } = metrics();
  const labels = { method: request.method, route: request.route };
  httpRequests.inc({ ...labels, status: String(request.status) });
  if (request.status >= 500) httpErrors.inc(labels);
  httpDuration.observe(labels, request.durationMs / 1000);
  const area = featureArea(request.route);
  if (area) featureUse.inc({ area });
  recordRequest(request.status, request.durationMs, request.userId);
}

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
  /** A 503 we meant to send (read-only mode): counted as a request, not as an error, so maintenance never pages anyone. */
  planned?: boolean;
}

/** One finished request: Prometheus counters and histogram per route, and the current minute's rollup. */
export function observeRequest(request: ObservedRequest) {
  const { httpRequests, httpErrors, httpDuration, featureUse } = metrics();
  const labels = { method: request.method, route: request.route };
  httpRequests.inc({ ...labels, status: String(request.status) });
  const failed = request.status >= 500 && !request.planned;
  if (failed) httpErrors.inc(labels);
  httpDuration.observe(labels, request.durationMs / 1000);
  const area = featureArea(request.route);
  if (area) featureUse.inc({ area });
  recordRequest(failed, request.durationMs, request.userId);
}

/** Rows for the platform operators' console: churches, operations and maintenance. */
import { everyone, only, type MatrixRow } from "./shapes";

export const PLATFORM_OPS_ROWS: MatrixRow[] = [
  // Platform console
  { route: "/platform/churches", method: "GET", expect: only({ ops: 200 }) },
  { route: "/platform/churches", method: "POST", form: { name: "" }, expect: only({ ops: 400 }) },
  // Operations dashboard (issue 8): platform administrators only; loader-only.
  { route: "/platform/ops", method: "GET", expect: only({ ops: 200 }) },
  { route: "/platform/ops", method: "POST", expect: everyone(405) },
  // The fault switch exists only with ALLOW_FAULT_INJECTION (off here): 404 for ops,
  // still 403 for everyone else (tests/integration/fault-switch.test.ts walks it switched on).
  { route: "/platform/ops/faults", method: "GET", expect: only({ ops: 404 }) },
  { route: "/platform/ops/faults", method: "POST", form: { intent: "stop" }, expect: only({ ops: 404 }) },
  // Maintenance (issue 9): read-only switch, windows and status notices for platform
  // administrators (manage:maintenance); the releases page with the dashboard's view:operations.
  { route: "/platform/maintenance", method: "GET", expect: only({ ops: 200 }) },
  {
    route: "/platform/maintenance",
    method: "POST",
    form: { intent: "schedule", date: "" },
    expect: only({ ops: 400 }),
  },
  { route: "/platform/status", method: "GET", expect: only({ ops: 200 }) },
  { route: "/platform/status", method: "POST", form: { intent: "post", messageEn: "" }, expect: only({ ops: 400 }) },
  { route: "/platform/releases", method: "GET", expect: only({ ops: 200 }) },
  { route: "/platform/releases", method: "POST", expect: everyone(405) },
];

import type { DataRequestStatus } from "~/db/schema.server";
import type { Period } from "./period.server";

/**
 * What the compliance report holds, and how much of each list it shows. Free
 * of server code so the page's components can import the limits they print.
 */

export const LATEST_ACCESS_EVENTS = 50;
export const RETENTION_RUNS_SHOWN = 10;

/** Audit actions that are access events: someone read, exported or erased personal data. */
export const ACCESS_ACTIONS = [
  "member.viewed_private_fields",
  "members.exported",
  "data.exported",
  "audit.exported",
  "member.erased",
  "data_request.created",
  "data_request.approved",
  "data_request.declined",
  "data_request.withdrawn",
] as const;

export interface RoleAccounts {
  role: string;
  active: number;
  deactivated: number;
}

export interface RequestLine {
  id: string;
  requesterName: string;
  status: DataRequestStatus;
  requestedAt: string;
  dueAt: string;
  decidedAt: string | null;
  /** Whole days from asking to deciding (0: the same day); null while pending. */
  daysTaken: number | null;
  overdue: boolean;
}

export interface AccessEvent {
  id: number;
  createdAt: string;
  actorName: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
}

export interface RetentionRunLine {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  removed: Record<string, number>;
}

export interface StorageFacts {
  database: { kind: "pglite"; folder: string } | { kind: "postgres"; host: string };
  files:
    | { kind: "local"; folder: string }
    | { kind: "s3"; bucket: string; region: string; encryptedAtRest: true }
    | { kind: "s3-compatible"; bucket: string; endpointHost: string };
  hsts: boolean;
  sessionStore: "redis" | "database";
  region: string | null;
}

export interface ComplianceReport {
  churchName: string;
  timezone: string;
  generatedAt: string;
  period: Period;
  holdings: {
    members: {
      total: number;
      current: number;
      listed: number;
      unlisted: number;
      removed: number;
      erased: number;
      withPhoto: number;
    };
    accounts: { active: number; deactivated: number; byRole: RoleAccounts[] };
    openInvitations: number;
  };
  consent: {
    currentVersion: number;
    publishedAt: string | null;
    /** Accounts (active) with at least one recorded choice, and without any. */
    usersWithChoice: number;
    usersWithoutChoice: number;
    /** The latest record per consent id (a person's device or browser). */
    latestRecords: number;
    byVersion: { version: number; records: number }[];
    categories: Record<"preferences" | "analytics", { yes: number; no: number }>;
  };
  requests: { lines: RequestLine[]; byStatus: Record<DataRequestStatus, number>; overdue: number };
  access: { counts: { action: string; count: number }[]; latest: AccessEvent[] };
  retention: RetentionRunLine[];
  storage: StorageFacts;
}

import { and, desc, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog, churches, users } from "~/db/schema.server";
import { withChurch, type Tx } from "~/db/tenancy.server";
import { formValues, optionalCalendarDay, parseForm, type FieldErrors } from "~/utils/forms";
import { recordAudit } from "./audit.server";
import { csvDocument } from "./csv.server";
import type { RequestMeta } from "./users.server";

/**
 * What a church administrator reads of the church's audit trail (/admin/audit
 * and its CSV export): filtered, newest first. Every query runs inside the
 * church's own transaction, so another church's entries cannot appear.
 */

export const AUDIT_PER_PAGE = 50;
const DEFAULT_TIMEZONE = "Asia/Manila";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "forms:tooLong")
    .optional()
    .transform((v) => v || undefined);

/** The filter form (a GET form: its values arrive as the query string). */
const filterSchema = z
  .object({
    // A user id from the select, "system", or an e-mail typed into a link.
    actor: optional(254).refine((v) => v === undefined || v === "system" || UUID.test(v) || v.includes("@"), "forms:choose"),
    action: optional(100),
    recordType: optional(100),
    recordId: optional(200),
    from: optionalCalendarDay,
    to: optionalCalendarDay,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "adminAudit:errors.toBeforeFrom" });

export type AuditFilters = z.infer<typeof filterSchema>;

/** The filters of a query string; invalid ones are reported and left out, never a 500. */
export function parseAuditFilters(params: URLSearchParams): {
  filters: AuditFilters;
  errors: FieldErrors | null;
  values: Record<string, string | string[]>;
} {
  const form = new FormData();
  for (const name of ["actor", "action", "recordType", "recordId", "from", "to"]) {
    const value = params.get(name);
    if (value !== null) form.set(name, value);
  }
  const result = parseForm(filterSchema, form);
  if (result.ok) return { filters: result.data, errors: null, values: formValues(form) };
  // The valid filters still apply; the page says which ones did not.
  for (const field of Object.keys(result.errors)) form.delete(field);
  const rest = parseForm(filterSchema, form);
  return { filters: rest.ok ? rest.data : {}, errors: result.errors, values: result.values };
}

/** Minutes east of UTC of `timezone` at `instant`. */
function offsetMinutes(timezone: string, instant: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant a calendar day (YYYY-MM-DD) begins in `timezone`, `plusDays` later. */
export function startOfDay(timezone: string, date: string, plusDays = 0): Date {
  const [year, month, dayOfMonth] = date.split("-").map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, dayOfMonth + plusDays);
  // Twice: the offset at local midnight can differ from the one at UTC midnight (DST).
  let instant = midnightUtc - offsetMinutes(timezone, midnightUtc) * 60_000;
  instant = midnightUtc - offsetMinutes(timezone, instant) * 60_000;
  return new Date(instant);
}

/** `YYYY-MM-DD` of an instant in a timezone ("en-CA" writes dates that way). */
export function dateIn(timezone: string, instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );
}

function conditions(churchId: string, filters: AuditFilters, timezone: string): SQL[] {
  const where: SQL[] = [eq(auditLog.churchId, churchId)];
  const { actor } = filters;
  if (actor === "system") where.push(isNull(auditLog.actorUserId));
  else if (actor && UUID.test(actor)) where.push(eq(auditLog.actorUserId, actor));
  else if (actor) where.push(sql`${auditLog.actorUserId} in (select ${users.id} from ${users} where lower(${users.email}) = ${actor.toLowerCase()})`);
  if (filters.action) where.push(eq(auditLog.action, filters.action));
  if (filters.recordType) where.push(eq(auditLog.recordType, filters.recordType));
  if (filters.recordId) where.push(eq(auditLog.recordId, filters.recordId));
  if (filters.from) where.push(gte(auditLog.createdAt, startOfDay(timezone, filters.from)));
  if (filters.to) where.push(lt(auditLog.createdAt, startOfDay(timezone, filters.to, 1)));
  return where;
}

export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface AuditRow {
  id: number;
  createdAt: string;
  /** null: the system did it; "platform": Kapatiran staff, whose account the church cannot see. */
  actor: { name: string; email: string } | "platform" | null;
  action: string;
  recordType: string;
  recordId: string | null;
  changes: AuditChange[];
  requestId: string | null;
  ipAddress: string | null;
}

/** A stored value as text: strings as they are, anything else as JSON. Never HTML. */
function asText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

function changesOf(before: unknown, after: unknown): AuditChange[] {
  const old = (before ?? {}) as Record<string, unknown>;
  const now = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])].sort();
  return fields.map((field) => ({ field, before: asText(old[field]), after: asText(now[field]) }));
}

async function selectEntries(tx: Tx, where: SQL[], limit: number, offset: number): Promise<AuditRow[]> {
  const rows = await tx
    .select({ entry: auditLog, actorName: users.displayName, actorEmail: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  return rows.map(({ entry, actorName, actorEmail }) => ({
    id: entry.id,
    createdAt: entry.createdAt.toISOString(),
    actor:
      entry.actorUserId === null ? null : actorEmail !== null ? { name: actorName ?? actorEmail, email: actorEmail } : "platform",
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    changes: changesOf(entry.before, entry.after),
    requestId: entry.requestId,
    ipAddress: entry.ipAddress,
  }));
}

async function churchOf(tx: Tx, churchId: string) {
  const [church] = await tx.select({ slug: churches.slug, timezone: churches.timezone }).from(churches).where(eq(churches.id, churchId));
  return { slug: church?.slug ?? "church", timezone: church?.timezone ?? DEFAULT_TIMEZONE };
}

export interface AuditPage {
  entries: AuditRow[];
  page: number;
  hasNext: boolean;
  timezone: string;
  options: {
    actors: { id: string; name: string; email: string }[];
    actions: string[];
    recordTypes: string[];
  };
}

/** One page of the church's log, newest first, with what the filter selects offer. */
export async function listAuditLog(churchId: string, filters: AuditFilters, page: number): Promise<AuditPage> {
  const current = Number.isInteger(page) && page > 0 ? page : 1;
  return withChurch(churchId, async (tx) => {
    const { timezone } = await churchOf(tx, churchId);
    // One row more than a page says whether there is a next page, without a count(*) over the whole log.
    const rows = await selectEntries(tx, conditions(churchId, filters, timezone), AUDIT_PER_PAGE + 1, (current - 1) * AUDIT_PER_PAGE);
    const actors = await tx
      .selectDistinct({ id: users.id, name: users.displayName, email: users.email })
      .from(auditLog)
      .innerJoin(users, eq(users.id, auditLog.actorUserId))
      .where(eq(auditLog.churchId, churchId))
      .orderBy(users.displayName, users.email, users.id);
    const actions = await tx.selectDistinct({ value: auditLog.action }).from(auditLog).where(eq(auditLog.churchId, churchId)).orderBy(auditLog.action);
    const recordTypes = await tx
      .selectDistinct({ value: auditLog.recordType })
      .from(auditLog)
      .where(eq(auditLog.churchId, churchId))
      .orderBy(auditLog.recordType);
    return {
      entries: rows.slice(0, AUDIT_PER_PAGE),
      page: current,
      hasNext: rows.length > AUDIT_PER_PAGE,
      timezone,
      options: { actors, actions: actions.map((a) => a.value), recordTypes: recordTypes.map((r) => r.value) },
    };
  });
}

const EXPORT_BATCH = 1000;
const CSV_HEADER = [
  "id",
  "created_at_utc",
  "created_at_local",
  "actor_name",
  "actor_email",
  "action",
  "record_type",
  "record_id",
  "changes",
  "request_id",
  "ip_address",
];

/**
 * Every entry the filters select, as CSV, newest first. The export is itself
 * an audited act (`audit.exported`), written in the same transaction.
 */
export async function exportAuditLog(
  actor: { id: string; churchId: string },
  filters: AuditFilters,
  meta: RequestMeta = {},
): Promise<{ csv: string; filename: string; rows: number }> {
  return withChurch(actor.churchId, async (tx) => {
    const church = await churchOf(tx, actor.churchId);
    const where = conditions(actor.churchId, filters, church.timezone);
    const local = new Intl.DateTimeFormat("sv-SE", { timeZone: church.timezone, dateStyle: "short", timeStyle: "medium" });
    const lines: string[][] = [CSV_HEADER];
    // By id rather than offset: an entry committed meanwhile must not shift a batch.
    for (let before = Number.MAX_SAFE_INTEGER; ; ) {
      const batch = await selectEntries(tx, [...where, lt(auditLog.id, before)], EXPORT_BATCH, 0);
      for (const row of batch) {
        lines.push([
          String(row.id),
          row.createdAt,
          local.format(new Date(row.createdAt)),
          row.actor === null ? "system" : row.actor === "platform" ? "Kapatiran staff" : row.actor.name,
          row.actor !== null && row.actor !== "platform" ? row.actor.email : "",
          row.action,
          row.recordType,
          row.recordId ?? "",
          row.changes.map((c) => `${c.field}: ${c.before ?? "∅"} → ${c.after ?? "∅"}`).join("; "),
          row.requestId ?? "",
          row.ipAddress ?? "",
        ]);
        before = row.id;
      }
      if (batch.length < EXPORT_BATCH) break;
    }
    const rows = lines.length - 1;
    await recordAudit(tx, {
      churchId: actor.churchId,
      actorUserId: actor.id,
      action: "audit.exported",
      recordType: "audit_log",
      after: { filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)), rows },
      ...meta,
    });
    return { csv: csvDocument(lines), filename: `audit-${church.slug}-${dateIn(church.timezone, new Date())}.csv`, rows };
  });
}

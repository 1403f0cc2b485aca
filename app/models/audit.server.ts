import crypto from "node:crypto";
import { desc, eq, isNull, sql } from "drizzle-orm";
import { auditLog } from "~/db/schema.server";
import type { Tx } from "~/db/tenancy.server";

/**
 * The audit trail: written inside the same transaction as the change it
 * records, append-only for the app (UPDATE/DELETE are revoked from the serving
 * role), and hash-chained per church so that editing or deleting a row by hand
 * breaks the chain where it happened.
 */

export interface AuditInput {
  churchId: string | null;
  actorUserId: string | null;
  action: string;
  recordType: string;
  recordId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string;
  ipAddress?: string;
}

export async function recordAudit(tx: Tx, input: AuditInput) {
  // One writer per chain at a time, or two entries could claim the same predecessor.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`audit:${input.churchId ?? "platform"}`}))`);
  const [previous] = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(input.churchId ? eq(auditLog.churchId, input.churchId) : isNull(auditLog.churchId))
    .orderBy(desc(auditLog.id))
    .limit(1);
  const entry = {
    churchId: input.churchId,
    actorUserId: input.actorUserId,
    action: input.action,
    recordType: input.recordType,
    recordId: input.recordId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    requestId: input.requestId ?? null,
    ipAddress: input.ipAddress ?? null,
    createdAt: new Date(),
    prevHash: previous?.hash ?? null,
  };
  await tx.insert(auditLog).values({ ...entry, hash: auditHash(entry) });
}

type HashedFields = Omit<typeof auditLog.$inferSelect, "id" | "hash">;

/** SHA-256 over the entry's fields in a fixed order, including the previous hash. */
export function auditHash(entry: HashedFields): string {
  const canonical = JSON.stringify([
    entry.prevHash,
    entry.churchId,
    entry.actorUserId,
    entry.action,
    entry.recordType,
    entry.recordId,
    canonicalJson(entry.before),
    canonicalJson(entry.after),
    entry.requestId,
    entry.ipAddress,
    entry.createdAt.toISOString(),
  ]);
  return crypto.createHash("sha256").update(canonical).digest("hex");
}

/** JSON with sorted keys: jsonb does not keep key order, the hash must not care. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

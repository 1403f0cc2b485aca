import crypto from "node:crypto";
import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { auditLog } from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";

/**
 * The audit trail: written inside the same transaction as the change it
 * records, append-only for the app (UPDATE/DELETE are revoked from the serving
 * role), and hash-chained per church so that editing or deleting a row by hand
 * breaks the chain where it happened. Platform-level entries (no church) form
 * a chain of their own; they can only be written across churches, because
 * row-level security hides church-less rows from a church's transaction.
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
    .where(chainOf(input.churchId))
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
    // A JS date: millisecond precision, which timestamptz keeps exactly (it
    // holds microseconds). A database default (now()) would not round-trip.
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

/**
 * JSON with sorted keys: jsonb does not keep key order, the hash must not care.
 * Serialized as the driver serializes for storage (toJSON, undefined members
 * dropped), so what is hashed at write time is what is read back.
 * Keys are compared by code unit, not `localeCompare`, whose order depends on
 * the ICU build and locale of whichever process happens to verify.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function chainOf(churchId: string | null) {
  return churchId ? eq(auditLog.churchId, churchId) : isNull(auditLog.churchId);
}

export type ChainBreak = { id: number; churchId: string | null; reason: "hash mismatch" | "broken link" };
export type ChainCheck = { ok: true; checked: number } | { ok: false; brokenAt: ChainBreak; checked: number };

const VERIFY_BATCH = 1000;

/**
 * Walk the chain(s) in id order, recomputing every hash and checking that each
 * entry names its predecessor's hash. `churchId`: one church's chain, `null`
 * the platform chain, absent every chain. Stops at the first break. Deleting
 * the newest entries of a chain leaves no trace a chain can show; anything
 * else (an edited, inserted or deleted row) does.
 */
export async function verifyAuditChain(
  database: Database,
  options: { churchId?: string | null } = {},
): Promise<ChainCheck> {
  // An operator's check across churches, as the serving role (never the owner).
  const chains =
    options.churchId === undefined
      ? await acrossChurches(async (tx) => {
          const rows = await tx.selectDistinct({ churchId: auditLog.churchId }).from(auditLog);
          return rows.map((row) => row.churchId);
        }, database)
      : [options.churchId];
  let checked = 0;
  for (const churchId of chains) {
    const result = await verifyOneChain(database, churchId);
    checked += result.checked;
    if (!result.ok) return { ...result, checked };
  }
  return { ok: true, checked };
}

async function verifyOneChain(database: Database, churchId: string | null): Promise<ChainCheck> {
  let checked = 0;
  let expectedPrev: string | null = null;
  let afterId = 0;
  for (;;) {
    // Batches keep memory flat on long chains; entries appended meanwhile come later in id order.
    const batch = await acrossChurches(
      (tx) =>
        tx
          .select()
          .from(auditLog)
          .where(and(chainOf(churchId), gt(auditLog.id, afterId)))
          .orderBy(asc(auditLog.id))
          .limit(VERIFY_BATCH),
      database,
    );
    for (const entry of batch) {
      if (entry.prevHash !== expectedPrev) {
        return { ok: false, brokenAt: { id: entry.id, churchId, reason: "broken link" }, checked };
      }
      if (auditHash(entry) !== entry.hash) {
        return { ok: false, brokenAt: { id: entry.id, churchId, reason: "hash mismatch" }, checked };
      }
      checked += 1;
      expectedPrev = entry.hash;
      afterId = entry.id;
    }
    if (batch.length < VERIFY_BATCH) return { ok: true, checked };
  }
}

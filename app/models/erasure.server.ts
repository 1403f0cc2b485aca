import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { dataRequests, members, users, type DataRequestStatus } from "~/db/schema.server";
import { withChurch } from "~/db/tenancy.server";
import { afterErasure, anonymizePerson, erasedSummary } from "./anonymize.server";
import { recordAudit } from "./audit.server";
import { sendErasureOutcomeMail } from "./erasure-mail.server";
import { isUuid } from "./roles.server";
import type { CurrentUser, RequestMeta } from "./users.server";

/**
 * The right to erasure (issue 7): a member asks, the church's administrators
 * decide within ERASURE_DAYS, and approval anonymizes the person in the same
 * transaction as the decision. Administrators may also erase a member
 * directly. Erasure anonymizes, it never deletes what the church owns:
 * households and groups stay, the member row stays (soft-deleted, emptied)
 * so counts and the audit trail still add up. docs/retention.md says what is
 * kept and why.
 */

export const ERASURE_DAYS = 30;
const DAY_MS = 86_400_000;

export type ErasureRefusal = { ok: false; status: 400 | 404; field: string; message: string };
export type ErasureOutcome = { ok: true } | ErasureRefusal;

const refusal = (status: 400 | 404, field: string, message: string): ErasureRefusal => ({
  ok: false,
  status,
  field,
  message,
});

// ---------------------------------------------------------------------------
// The member's side

export interface MyErasureRequest {
  id: string;
  requestedAt: string;
  dueAt: string;
  note: string | null;
}

/** The signed-in person's pending request, if any. */
export async function myPendingRequest(user: CurrentUser): Promise<MyErasureRequest | null> {
  if (!user.churchId) return null;
  return withChurch(user.churchId, async (tx) => {
    const [row] = await tx
      .select()
      .from(dataRequests)
      .where(and(eq(dataRequests.userId, user.id), eq(dataRequests.status, "pending")));
    return row
      ? { id: row.id, requestedAt: row.requestedAt.toISOString(), dueAt: row.dueAt.toISOString(), note: row.note }
      : null;
  });
}

export const requestSchema = z.object({
  note: z
    .string()
    .trim()
    .max(2000, "forms:tooLong")
    .optional()
    .transform((v) => (v ? v : null)),
  confirm: z.literal("yes", { errorMap: () => ({ message: "adminRequests:errors.confirm" }) }),
});

/** Ask for erasure: one pending request per person, due in ERASURE_DAYS, audited. */
export async function requestErasure(
  user: CurrentUser,
  note: string | null,
  meta: RequestMeta = {}
): Promise<ErasureOutcome> {
  const churchId = user.churchId;
  if (!churchId) return refusal(400, "form", "adminRequests:errors.noChurch");
  return withChurch(churchId, async (tx) => {
    // Two submits at once (a double click without JavaScript): the second waits, then sees the first.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`erasure:${user.id}`}))`);
    const [pending] = await tx
      .select({ id: dataRequests.id })
      .from(dataRequests)
      .where(and(eq(dataRequests.userId, user.id), eq(dataRequests.status, "pending")));
    if (pending) return refusal(400, "form", "adminRequests:errors.alreadyPending");
    const [record] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.userId, user.id), isNull(members.deletedAt)));
    const requestedAt = new Date();
    const [created] = await tx
      .insert(dataRequests)
      .values({
        churchId,
        kind: "erasure",
        status: "pending",
        userId: user.id,
        memberId: record?.id ?? null,
        requesterName: user.displayName,
        note,
        requestedAt,
        dueAt: new Date(requestedAt.getTime() + ERASURE_DAYS * DAY_MS),
      })
      .returning({ id: dataRequests.id });
    await recordAudit(tx, {
      churchId,
      actorUserId: user.id,
      action: "data_request.created",
      recordType: "data_request",
      recordId: created!.id,
      after: { kind: "erasure", memberId: record?.id ?? null, hasNote: note !== null },
      ...meta,
    });
    return { ok: true };
  });
}

/** Take back a pending request (nothing else changes). */
export async function withdrawErasure(user: CurrentUser, meta: RequestMeta = {}): Promise<ErasureOutcome> {
  if (!user.churchId) return refusal(404, "form", "Not Found");
  const churchId = user.churchId;
  return withChurch(churchId, async (tx) => {
    const [withdrawn] = await tx
      .update(dataRequests)
      .set({ status: "withdrawn", decidedAt: new Date() })
      .where(and(eq(dataRequests.userId, user.id), eq(dataRequests.status, "pending")))
      .returning({ id: dataRequests.id });
    if (!withdrawn) return refusal(400, "form", "adminRequests:errors.nothingPending");
    await recordAudit(tx, {
      churchId,
      actorUserId: user.id,
      action: "data_request.withdrawn",
      recordType: "data_request",
      recordId: withdrawn.id,
      before: { status: "pending" },
      after: { status: "withdrawn" },
      ...meta,
    });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------
// The administrators' side

export interface RequestEntry {
  id: string;
  requesterName: string;
  note: string | null;
  status: DataRequestStatus;
  requestedAt: string;
  dueAt: string;
  /** Whole days until the deadline; negative when overdue. Only for pending requests. */
  daysLeft: number | null;
  decisionReason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  /** Whole days from asking to deciding (0: the same day). */
  daysTaken: number | null;
  hasAccount: boolean;
}

function requireManager(admin: CurrentUser): string {
  if (!admin.churchId || !can(admin, "manage:requests", { churchId: admin.churchId })) {
    throw new Response("Forbidden: this needs the permission manage:requests", { status: 403 });
  }
  return admin.churchId;
}

const decider = alias(users, "decider");

function entryOf(row: typeof dataRequests.$inferSelect & { decidedByName: string | null }, now: number): RequestEntry {
  return {
    id: row.id,
    requesterName: row.requesterName,
    note: row.note,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    daysLeft: row.status === "pending" ? Math.ceil((row.dueAt.getTime() - now) / DAY_MS) : null,
    decisionReason: row.decisionReason,
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    daysTaken: row.decidedAt ? Math.floor((row.decidedAt.getTime() - row.requestedAt.getTime()) / DAY_MS) : null,
    hasAccount: row.userId !== null,
  };
}

const REQUEST_COLUMNS = { request: dataRequests, decidedByName: decider.displayName };

/** The church's requests: pending first (oldest first, so the nearest deadline leads), then decided ones, newest first. */
export async function listRequests(admin: CurrentUser): Promise<RequestEntry[]> {
  const churchId = requireManager(admin);
  const now = Date.now();
  const rows = await withChurch(churchId, (tx) =>
    tx
      .select(REQUEST_COLUMNS)
      .from(dataRequests)
      .leftJoin(decider, eq(decider.id, dataRequests.decidedBy))
      .orderBy(
        sql`case when ${dataRequests.status} = 'pending' then 0 else 1 end`,
        sql`case when ${dataRequests.status} = 'pending' then ${dataRequests.requestedAt} end asc`,
        desc(dataRequests.decidedAt),
        asc(dataRequests.id)
      )
      .limit(500)
  );
  return rows.map(({ request, decidedByName }) => entryOf({ ...request, decidedByName }, now));
}

/** One request of the admin's church, or null (unknown id, another church's). */
export async function findRequest(admin: CurrentUser, requestId: string): Promise<RequestEntry | null> {
  const churchId = requireManager(admin);
  if (!isUuid(requestId)) return null;
  const [row] = await withChurch(churchId, (tx) =>
    tx
      .select(REQUEST_COLUMNS)
      .from(dataRequests)
      .leftJoin(decider, eq(decider.id, dataRequests.decidedBy))
      .where(eq(dataRequests.id, requestId))
  );
  return row ? entryOf({ ...row.request, decidedByName: row.decidedByName }, Date.now()) : null;
}

export const decisionSchema = z.discriminatedUnion("decision", [
  z.object({
    decision: z.literal("approve"),
    reason: z
      .string()
      .trim()
      .max(2000, "forms:tooLong")
      .optional()
      .transform((v) => (v ? v : null)),
    confirm: z.literal("yes", { errorMap: () => ({ message: "adminRequests:errors.confirm" }) }),
  }),
  z.object({
    decision: z.literal("decline"),
    reason: z.string().trim().min(1, "adminRequests:errors.reasonRequired").max(2000, "forms:tooLong"),
  }),
]);
export type DecisionInput = { decision: "approve" | "decline"; reason: string | null };

/**
 * Approve (anonymize the person, in the same transaction) or decline (with a
 * reason). The requester is told by e-mail afterwards, at the address they
 * had: read before anonymizing. A mail failure is logged, never undoes the decision.
 */
export async function decideRequest(
  admin: CurrentUser,
  requestId: string,
  input: DecisionInput,
  meta: RequestMeta = {}
): Promise<ErasureOutcome> {
  const churchId = requireManager(admin);
  if (!isUuid(requestId)) return refusal(404, "form", "Not Found");
  if (input.decision === "decline" && !input.reason)
    return refusal(400, "reason", "adminRequests:errors.reasonRequired");
  const outcome = await withChurch(churchId, async (tx) => {
    const [request] = await tx.select().from(dataRequests).where(eq(dataRequests.id, requestId)).for("update");
    if (!request) return refusal(404, "form", "Not Found");
    if (request.status !== "pending") return refusal(400, "form", "adminRequests:errors.alreadyDecided");
    const [account] = request.userId
      ? await tx
          .select({ email: users.email, locale: users.locale, displayName: users.displayName })
          .from(users)
          .where(eq(users.id, request.userId))
      : [];
    const status = input.decision === "approve" ? "approved" : "declined";
    const erased =
      status === "approved"
        ? await anonymizePerson(tx, { churchId, userId: request.userId, memberId: request.memberId })
        : null;
    await tx
      .update(dataRequests)
      .set({ status, decisionReason: input.reason, decidedBy: admin.id, decidedAt: new Date() })
      .where(eq(dataRequests.id, request.id));
    await recordAudit(tx, {
      churchId,
      actorUserId: admin.id,
      action: `data_request.${status}`,
      recordType: "data_request",
      recordId: request.id,
      before: { status: "pending" },
      after: { status, reason: input.reason, ...(erased ? erasedSummary(erased) : {}) },
      ...meta,
    });
    return { ok: true as const, erased, account: account ?? null, status, reason: input.reason };
  });
  if (!outcome.ok) return outcome;
  if (outcome.erased) await afterErasure(outcome.erased);
  if (outcome.account) {
    await sendErasureOutcomeMail({
      to: outcome.account.email,
      name: outcome.account.displayName,
      locale: outcome.account.locale,
      approved: outcome.status === "approved",
      reason: outcome.reason,
      requestId,
    });
  }
  return { ok: true };
}

export const eraseSchema = z.object({
  reason: z.string().trim().min(1, "adminRequests:errors.reasonRequired").max(2000, "forms:tooLong"),
  confirm: z.literal("yes", { errorMap: () => ({ message: "adminRequests:errors.confirm" }) }),
});

/**
 * An administrator erases a member record directly (`manage:members`), with
 * a reason, audited as member.erased. A pending request of that person is
 * settled as approved by the same decision.
 */
export async function eraseMember(
  admin: CurrentUser,
  memberId: string,
  reason: string,
  meta: RequestMeta = {}
): Promise<ErasureOutcome> {
  if (!admin.churchId || !can(admin, "manage:members", { churchId: admin.churchId })) {
    throw new Response("Forbidden: this needs the permission manage:members", { status: 403 });
  }
  const churchId = admin.churchId;
  if (!isUuid(memberId)) return refusal(404, "form", "Not Found");
  const erased = await withChurch(churchId, async (tx) => {
    const [record] = await tx
      .select({ id: members.id, userId: members.userId })
      .from(members)
      .where(and(eq(members.id, memberId), isNull(members.deletedAt)))
      .for("update");
    if (!record) return null;
    if (record.userId === admin.id) return "self" as const;
    const result = await anonymizePerson(tx, { churchId, userId: record.userId, memberId: record.id });
    const settled = await tx
      .update(dataRequests)
      .set({ status: "approved", decisionReason: reason, decidedBy: admin.id, decidedAt: new Date() })
      .where(
        and(
          eq(dataRequests.status, "pending"),
          or(eq(dataRequests.memberId, record.id), record.userId ? eq(dataRequests.userId, record.userId) : undefined)
        )
      )
      .returning({ id: dataRequests.id });
    await recordAudit(tx, {
      churchId,
      actorUserId: admin.id,
      action: "member.erased",
      recordType: "member",
      recordId: record.id,
      before: { deletedAt: null },
      after: { reason, settledRequests: settled.map((r) => r.id), ...erasedSummary(result) },
      ...meta,
    });
    return result;
  });
  if (erased === "self") return refusal(400, "form", "adminRequests:errors.notYourself");
  if (!erased) return refusal(404, "form", "Not Found");
  await afterErasure(erased);
  return { ok: true };
}

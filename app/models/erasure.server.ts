import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { endAllSessions } from "~/auth/session.server";
import {
  consentRecords,
  dataRequests,
  groupMemberships,
  invitations,
  members,
  sessions,
  users,
  type DataRequestStatus,
  type PrivacyChoices,
} from "~/db/schema.server";
import { withChurch, type Tx } from "~/db/tenancy.server";
import { logger } from "~/utils/logger.server";
import { deleteObject } from "~/utils/storage.server";
import { recordAudit } from "./audit.server";
import { sendErasureOutcomeMail } from "./erasure-mail.server";
import { scrubTickets } from "./erasure-tickets.server";
import { PHOTO_SIZES } from "./photo-images.server";
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

/**
 * The name an erased person's rows carry. Stored as data (not translated):
 * the rows are never shown to members (the record is soft-deleted), only
 * where an administrator reads an old reference such as "decided by".
 */
export const ERASED_NAME = "Former member";

const ALL_HIDDEN: PrivacyChoices = {
  name: "hidden",
  photo: "hidden",
  phone: "hidden",
  email: "hidden",
  address: "hidden",
  birthday: "hidden",
};

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

// ---------------------------------------------------------------------------
// Anonymization

export interface ErasedPerson {
  memberId: string | null;
  userId: string | null;
  /** Stored photo to delete once the transaction has committed. */
  photoKey: string | null;
  /** Stored ticket screenshots to delete once the transaction has committed. */
  screenshotKeys: string[];
  ticketMessagesRemoved: number;
  groupsLeft: number;
  invitationsRevoked: number;
  sessionsEnded: number;
  consentRecordsUnlinked: number;
}

/** What the audit entry says about an erasure: ids and counts, never the erased details. */
function erasedSummary(erased: ErasedPerson) {
  return {
    erasedMemberId: erased.memberId,
    erasedUserId: erased.userId,
    photoRemoved: erased.photoKey !== null,
    groupsLeft: erased.groupsLeft,
    invitationsRevoked: erased.invitationsRevoked,
    sessionsEnded: erased.sessionsEnded,
    consentRecordsUnlinked: erased.consentRecordsUnlinked,
    ticketMessagesRemoved: erased.ticketMessagesRemoved,
  };
}

/**
 * Anonymize one person inside the caller's transaction (a church's). The
 * member record is emptied and soft-deleted like an administrator's removal
 * (members-admin.server.ts removeMember): name "Former member", contacts,
 * birthday and photo gone, out of the directory, every field hidden, no
 * household and no account link. Their group memberships are deleted (rosters
 * would otherwise show "Former member" rows; the count is kept in the audit
 * entry); households and groups themselves are the church's and stay. The
 * account can never sign in again: e-mail replaced, Google and Cognito ids
 * dropped, deactivated, sessions ended, open invitations to the old address
 * revoked; consent records lose their link to it; the subjects and messages of
 * their support tickets are replaced (erasure-tickets.server.ts). Audit entries stay: they are
 * the legal record, and hold ids, not these details.
 *
 * Photo files are deleted by `afterErasure` once the transaction commits, so
 * a rollback never leaves a record pointing at deleted files.
 */
export async function anonymizePerson(
  tx: Tx,
  target: { churchId: string; userId?: string | null; memberId?: string | null }
): Promise<ErasedPerson> {
  const [record] = target.memberId
    ? await tx
        .select()
        .from(members)
        .where(and(eq(members.id, target.memberId), eq(members.churchId, target.churchId)))
    : target.userId
    ? await tx
        .select()
        .from(members)
        .where(and(eq(members.userId, target.userId), eq(members.churchId, target.churchId)))
    : [];
  const userId = target.userId ?? record?.userId ?? null;
  const [account] = userId
    ? await tx
        .select()
        .from(users)
        .where(and(eq(users.id, userId), eq(users.churchId, target.churchId)))
    : [];
  const now = new Date();
  // The address an erased account and its old invitations carry: unique, and never deliverable (RFC 6761 `.invalid`).
  const erasedEmail = `erased-${crypto.randomUUID()}@invalid`;

  let groupsLeft = 0;
  if (record) {
    const left = await tx
      .delete(groupMemberships)
      .where(eq(groupMemberships.memberId, record.id))
      .returning({ groupId: groupMemberships.groupId });
    groupsLeft = left.length;
    await tx
      .update(members)
      .set({
        givenName: ERASED_NAME,
        familyName: "",
        email: null,
        phone: null,
        address: null,
        birthday: null,
        photoKey: null,
        privacy: ALL_HIDDEN,
        listed: false,
        householdId: null,
        userId: null,
        deletedAt: record.deletedAt ?? now,
        updatedAt: now,
      })
      .where(eq(members.id, record.id));
  }

  let invitationsRevoked = 0;
  let sessionsEnded = 0;
  let consentRecordsUnlinked = 0;
  let tickets = { messagesScrubbed: 0, screenshotKeys: [] as string[] };
  const oldEmails = [account?.email, record?.email].filter((e): e is string => !!e).map((e) => e.toLowerCase());
  if (oldEmails.length > 0) {
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.churchId, target.churchId),
          inArray(sql`lower(${invitations.email})`, oldEmails),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt)
        )
      )
      .returning({ id: invitations.id });
    invitationsRevoked = revoked.length;
    await tx
      .update(invitations)
      .set({ email: erasedEmail })
      .where(and(eq(invitations.churchId, target.churchId), inArray(sql`lower(${invitations.email})`, oldEmails)));
  }
  if (account) {
    // Accepted invitations keep who invited whom, not the old address.
    await tx.update(invitations).set({ email: erasedEmail }).where(eq(invitations.acceptedBy, account.id));
    await tx
      .update(users)
      .set({
        email: erasedEmail,
        displayName: ERASED_NAME,
        cognitoSub: null,
        googleId: null,
        status: "deactivated",
        updatedAt: now,
      })
      .where(eq(users.id, account.id));
    sessionsEnded = (
      await tx.delete(sessions).where(eq(sessions.userId, account.id)).returning({ id: sessions.idHash })
    ).length;
    consentRecordsUnlinked = (
      await tx
        .update(consentRecords)
        .set({ userId: null })
        .where(eq(consentRecords.userId, account.id))
        .returning({ id: consentRecords.id })
    ).length;
    tickets = await scrubTickets(tx, target.churchId, account.id);
  }
  return {
    memberId: record?.id ?? null,
    userId: account?.id ?? null,
    photoKey: record?.photoKey ?? null,
    groupsLeft,
    invitationsRevoked,
    sessionsEnded,
    consentRecordsUnlinked,
    screenshotKeys: tickets.screenshotKeys,
    ticketMessagesRemoved: tickets.messagesScrubbed,
  };
}

/** After the commit: the photo and screenshot files, and sessions a Redis store keeps outside the database. */
export async function afterErasure(erased: ErasedPerson): Promise<void> {
  for (const key of erased.screenshotKeys) {
    await deleteObject(key).catch((error: unknown) =>
      logger.warn({ err: error, event: "erasure_screenshot_delete_failed", memberId: erased.memberId }, "could not delete an erased requester's screenshot")
    );
  }
  if (erased.photoKey) {
    for (const size of PHOTO_SIZES) {
      await deleteObject(`${erased.photoKey}-${size}.webp`).catch((error: unknown) =>
        logger.warn(
          { err: error, event: "erasure_photo_delete_failed", memberId: erased.memberId },
          "could not delete an erased member's photo file"
        )
      );
    }
  }
  if (erased.userId) {
    await endAllSessions(erased.userId).catch((error: unknown) =>
      logger.warn(
        { err: error, event: "erasure_sessions_failed", userId: erased.userId },
        "could not end an erased user's sessions"
      )
    );
  }
}

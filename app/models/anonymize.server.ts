import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { endAllSessions } from "~/auth/session.server";
import {
  consentRecords,
  groupMemberships,
  invitations,
  members,
  sessions,
  users,
  type PrivacyChoices,
} from "~/db/schema.server";
import type { Tx } from "~/db/tenancy.server";
import { logger } from "~/utils/logger.server";
import { deleteObject } from "~/utils/storage.server";
import { scrubTickets } from "./erasure-tickets.server";
import { anonymizeForumAuthor } from "./forum/erase-author.server";
import { PHOTO_SIZES } from "./photo-images.server";

/**
 * Anonymizing one person (issue 7), for an approved erasure request and an
 * administrator's direct erasure alike (erasure.server.ts decides when).
 */

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

export interface ErasedPerson {
  memberId: string | null;
  userId: string | null;
  /** Stored photo to delete once the transaction has committed. */
  photoKey: string | null;
  /** Stored ticket screenshots to delete once the transaction has committed. */
  screenshotKeys: string[];
  ticketMessagesRemoved: number;
  /** Their forum name became "Former member"; their posts stay (forum/erase-author.server.ts). */
  forumAuthorAnonymized: boolean;
  forumSubscriptionsRemoved: number;
  groupsLeft: number;
  invitationsRevoked: number;
  sessionsEnded: number;
  consentRecordsUnlinked: number;
}

/** What the audit entry says about an erasure: ids and counts, never the erased details. */
export function erasedSummary(erased: ErasedPerson) {
  return {
    erasedMemberId: erased.memberId,
    erasedUserId: erased.userId,
    photoRemoved: erased.photoKey !== null,
    groupsLeft: erased.groupsLeft,
    invitationsRevoked: erased.invitationsRevoked,
    sessionsEnded: erased.sessionsEnded,
    consentRecordsUnlinked: erased.consentRecordsUnlinked,
    ticketMessagesRemoved: erased.ticketMessagesRemoved,
    forumAuthorAnonymized: erased.forumAuthorAnonymized,
    forumSubscriptionsRemoved: erased.forumSubscriptionsRemoved,
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
 * their support tickets are replaced (erasure-tickets.server.ts); their forum name becomes
 * "Former member" and their topic subscriptions go, their posts staying as the community's
 * answers (forum/erase-author.server.ts). Audit entries stay: they are
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
  let forum = { anonymized: false, subscriptionsRemoved: 0 };
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
    forum = await anonymizeForumAuthor(tx, account.id);
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
    forumAuthorAnonymized: forum.anonymized,
    forumSubscriptionsRemoved: forum.subscriptionsRemoved,
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

import { and, desc, eq, isNull } from "drizzle-orm";
import {
  auditLog,
  churches,
  DEFAULT_PRIVACY,
  members,
  PRIVATE_FIELDS,
  users,
  type PrivacyLevel,
  type PrivateField,
} from "~/db/schema.server";
import { withChurch } from "~/db/tenancy.server";
import { recordAudit } from "./audit.server";
import { dateIn } from "./user-admin.server";
import type { RequestMeta } from "./users.server";

/**
 * /admin/settings: the privacy defaults every new member of the church starts
 * with, and the administrator's "I have reviewed these" (a getting-started
 * step). The defaults are not a church setting: they are the `members`
 * column defaults of the schema, shown from there rather than copied.
 */

export const PRIVACY_REVIEWED = "church.privacy_reviewed";

export interface PrivacyDefaults {
  levels: { field: PrivateField; level: PrivacyLevel }[];
  /** New members appear in the directory until they opt out. */
  listed: boolean;
  /** The day of the review in the church's time zone (YYYY-MM-DD), or null before it. */
  reviewedOn: string | null;
  /** Who reviewed, when that administrator is still a user of the church. */
  reviewedBy: string | null;
}

export async function privacyDefaultsOf(churchId: string): Promise<PrivacyDefaults> {
  return withChurch(churchId, async (tx) => {
    const [church] = await tx
      .select({ reviewedAt: churches.privacyReviewedAt, timezone: churches.timezone })
      .from(churches)
      .where(eq(churches.id, churchId));
    // The review's own audit entry says who; the church row only keeps when.
    const [entry] = church?.reviewedAt
      ? await tx
          .select({ name: users.displayName })
          .from(auditLog)
          .innerJoin(users, eq(users.id, auditLog.actorUserId))
          .where(and(eq(auditLog.churchId, churchId), eq(auditLog.action, PRIVACY_REVIEWED)))
          .orderBy(desc(auditLog.id))
          .limit(1)
      : [];
    return {
      levels: PRIVATE_FIELDS.map((field) => ({ field, level: DEFAULT_PRIVACY[field] })),
      listed: members.listed.default === true,
      reviewedOn: church?.reviewedAt ? dateIn(church.timezone, church.reviewedAt) : null,
      reviewedBy: entry?.name ?? null,
    };
  });
}

/**
 * Record that an administrator reviewed the defaults: once. A second click
 * (or two administrators at once) changes nothing and writes no second entry.
 */
export async function reviewPrivacyDefaults(
  actor: { id: string; churchId: string },
  meta: RequestMeta = {}
): Promise<{ alreadyReviewed: boolean }> {
  return withChurch(actor.churchId, async (tx) => {
    const reviewedAt = new Date();
    const [updated] = await tx
      .update(churches)
      .set({ privacyReviewedAt: reviewedAt })
      .where(and(eq(churches.id, actor.churchId), isNull(churches.privacyReviewedAt)))
      .returning({ id: churches.id });
    if (!updated) return { alreadyReviewed: true };
    await recordAudit(tx, {
      churchId: actor.churchId,
      actorUserId: actor.id,
      action: PRIVACY_REVIEWED,
      recordType: "church",
      recordId: actor.churchId,
      before: { privacyReviewedAt: null },
      after: { privacyReviewedAt: reviewedAt.toISOString(), defaults: { ...DEFAULT_PRIVACY } },
      ...meta,
    });
    return { alreadyReviewed: false };
  });
}

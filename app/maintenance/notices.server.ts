import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "~/db/client.server";
import { statusNotices, type StatusNotice } from "~/db/schema-delivery.server";
import { acrossChurches } from "~/db/tenancy.server";
import { recordAudit } from "~/models/audit.server";
import type { RequestMeta } from "~/models/users.server";
import { fields } from "~/utils/forms";
import { forgetBanners } from "./windows.server";

/**
 * Status notices (issue 9): what operators tell every church during an
 * incident ("Sign-in is slow; we are on it"), on every page until resolved.
 * Filipino is optional; readers in Filipino see the English text without one.
 */

export const SEVERITIES = ["info", "incident"] as const;

export const noticeSchema = z.object({
  severity: z.enum(SEVERITIES, { errorMap: () => ({ message: "forms:choose" }) }),
  messageEn: fields.text(500),
  messageFil: fields.optionalText(500),
});
export type NoticeInput = z.infer<typeof noticeSchema>;

export interface NoticeView {
  id: string;
  severity: StatusNotice["severity"];
  messageEn: string;
  messageFil: string | null;
  postedAt: string;
  postedBy: string | null;
  resolvedAt: string | null;
}

const view = (row: StatusNotice): NoticeView => ({
  id: row.id,
  severity: row.severity,
  messageEn: row.messageEn,
  messageFil: row.messageFil,
  postedAt: row.postedAt.toISOString(),
  postedBy: row.postedBy,
  resolvedAt: row.resolvedAt?.toISOString() ?? null,
});

export async function postNotice(actor: { id: string | null; email: string }, input: NoticeInput, meta: RequestMeta = {}): Promise<NoticeView> {
  const row = await acrossChurches(async (tx) => {
    const [created] = await tx
      .insert(statusNotices)
      .values({ severity: input.severity, messageEn: input.messageEn, messageFil: input.messageFil, postedBy: actor.email })
      .returning();
    await recordAudit(tx, {
      churchId: null,
      actorUserId: actor.id,
      action: "maintenance.notice_posted",
      recordType: "status_notice",
      recordId: created!.id,
      after: { severity: input.severity, messageEn: input.messageEn, messageFil: input.messageFil },
      ...meta,
    });
    return created!;
  });
  forgetBanners();
  return view(row);
}

/** Resolve an active notice: it leaves every page and stays in the list as history. */
export async function resolveNotice(actor: { id: string | null }, id: string, meta: RequestMeta = {}): Promise<boolean> {
  const resolved = await acrossChurches(async (tx) => {
    const [row] = await tx
      .update(statusNotices)
      .set({ resolvedAt: new Date() })
      .where(and(eq(statusNotices.id, id), isNull(statusNotices.resolvedAt)))
      .returning();
    if (!row) return false;
    await recordAudit(tx, {
      churchId: null,
      actorUserId: actor.id,
      action: "maintenance.notice_resolved",
      recordType: "status_notice",
      recordId: row.id,
      before: { severity: row.severity, messageEn: row.messageEn },
      ...meta,
    });
    return true;
  });
  if (resolved) forgetBanners();
  return resolved;
}

/** Notices on every page now, newest first (incidents before announcements is the banner's job). */
export async function activeNotices(database?: Database): Promise<NoticeView[]> {
  const rows = await acrossChurches(
    (tx) => tx.select().from(statusNotices).where(isNull(statusNotices.resolvedAt)).orderBy(desc(statusNotices.postedAt)).limit(10),
    database,
  );
  return rows.map(view);
}

/** The last resolved notices, for the status page's history. */
export async function resolvedNotices(limit = 20): Promise<NoticeView[]> {
  const rows = await acrossChurches((tx) =>
    tx.select().from(statusNotices).where(isNotNull(statusNotices.resolvedAt)).orderBy(desc(statusNotices.resolvedAt)).limit(limit),
  );
  return rows.map(view);
}

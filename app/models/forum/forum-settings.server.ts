import { z } from "zod";
import { can } from "~/auth/permissions";
import { forumSettings } from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { recordAudit } from "../audit.server";
import type { CurrentUser, RequestMeta } from "../users.server";
import { forbiddenToModerate } from "./moderation-access.server";
import { postingRules } from "./posting-rules.server";

/**
 * The forum's two dials, changed by support staff on /community/moderation/settings:
 * how many of a new account's first posts wait for approval (0: none), and how
 * many posts one member may write in an hour. One row (id 1), written by the
 * migration, so reading never has to invent defaults.
 */

export interface ForumSettings {
  approveFirstPosts: number;
  postsPerHour: number;
}

// Upper bounds keep a typo (5000) from turning the forum into a queue nobody can empty.
export const APPROVE_FIRST_MAX = 20;
export const POSTS_PER_HOUR_MIN = 1;
export const POSTS_PER_HOUR_MAX = 200;

const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.trim() : ""),
    z
      .string()
      .regex(/^\d{1,4}$/, "forum:moderation.settings.errors.wholeNumber")
      .transform(Number)
      .pipe(z.number().min(min, message).max(max, message))
  );

export const forumSettingsForm = z.object({
  approveFirstPosts: wholeNumber(0, APPROVE_FIRST_MAX, "forum:moderation.settings.errors.approveFirstPosts"),
  postsPerHour: wholeNumber(POSTS_PER_HOUR_MIN, POSTS_PER_HOUR_MAX, "forum:moderation.settings.errors.postsPerHour"),
});

/** The settings inside the caller's transaction: the same read posting uses (posting-rules.server.ts). */
export async function readForumSettings(tx: Tx): Promise<ForumSettings> {
  const { approveFirstPosts, postsPerHour } = await postingRules(tx);
  return { approveFirstPosts, postsPerHour };
}

/** The forum is platform-wide: its settings are read across churches. */
export function loadForumSettings(): Promise<ForumSettings> {
  return acrossChurches((tx) => readForumSettings(tx));
}

/** Save both dials, audited on the platform chain with before and after. */
export async function saveForumSettings(staff: CurrentUser, input: ForumSettings, meta: RequestMeta = {}) {
  if (!can(staff, "moderate:forum")) throw forbiddenToModerate();
  return acrossChurches(async (tx) => {
    const before = await readForumSettings(tx);
    await tx
      .insert(forumSettings)
      .values({ id: 1, ...input, updatedAt: new Date(), updatedBy: staff.id })
      .onConflictDoUpdate({ target: forumSettings.id, set: { ...input, updatedAt: new Date(), updatedBy: staff.id } });
    await recordAudit(tx, {
      churchId: null,
      actorUserId: staff.id,
      action: "forum.settings_changed",
      recordType: "forum_settings",
      recordId: "1",
      before: { ...before },
      after: { ...input },
      ...meta,
    });
  });
}

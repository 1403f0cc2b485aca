import { eq } from "drizzle-orm";
import { forumAuthors, type ForumAuthor } from "~/db/schema-forum.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import type { CurrentUser } from "~/models/users.server";
import { recordAudit } from "~/models/audit.server";
import type { RequestMeta } from "~/models/users.server";

/**
 * A person as the forum shows them: their display name, and their church's
 * name only when they chose to show it. The row is written when they first
 * post or open their forum settings, and refreshed from their account at each
 * post, so a changed name shows on the next post without anyone joining into
 * another church's rows at read time.
 */

/** What the copy of a person's account should say now. */
function currentCopy(user: CurrentUser, showChurch: boolean) {
  return { displayName: user.displayName, churchName: showChurch ? user.churchName : null };
}

/** The viewer's author row, if they ever posted or chose settings; never creates one. */
export async function findAuthor(tx: Tx, userId: string): Promise<ForumAuthor | null> {
  const [row] = await tx.select().from(forumAuthors).where(eq(forumAuthors.userId, userId));
  return row ?? null;
}

/**
 * The user's author row, created on first use and brought up to date with
 * their account (name, church). Locked for the rest of the transaction, so
 * two posts at once cannot both slip under the hourly limit.
 */
export async function authorOf(tx: Tx, user: CurrentUser): Promise<ForumAuthor> {
  await tx
    .insert(forumAuthors)
    .values({ userId: user.id, ...currentCopy(user, false) })
    .onConflictDoNothing({ target: forumAuthors.userId });
  const [row] = await tx.select().from(forumAuthors).where(eq(forumAuthors.userId, user.id)).for("update");
  const author = row!;
  const copy = currentCopy(user, author.showChurch);
  if (copy.displayName === author.displayName && copy.churchName === author.churchName) return author;
  const [updated] = await tx
    .update(forumAuthors)
    .set({ ...copy, updatedAt: new Date() })
    .where(eq(forumAuthors.id, author.id))
    .returning();
  return updated!;
}

export interface ForumProfile {
  displayName: string;
  churchName: string | null;
  showChurch: boolean;
  /** Platform staff have no church to show. */
  hasChurch: boolean;
}

/** The settings page: how the forum shows the user now. */
export async function forumProfile(user: CurrentUser): Promise<ForumProfile> {
  // Forum rows are platform-wide: no church to scope to.
  const author = await acrossChurches((tx) => findAuthor(tx, user.id));
  const showChurch = author?.showChurch ?? false;
  return {
    displayName: user.displayName,
    churchName: user.churchName,
    showChurch: showChurch && Boolean(user.churchName),
    hasChurch: Boolean(user.churchId),
  };
}

/**
 * Show or hide the church beside the user's name on every post, past ones
 * included (posts show the author row, not a copy). Written to the platform
 * audit trail: it is a privacy choice.
 */
export async function setShowChurch(user: CurrentUser, showChurch: boolean, meta: RequestMeta = {}): Promise<void> {
  const show = showChurch && Boolean(user.churchName);
  await acrossChurches(async (tx) => {
    const author = await authorOf(tx, user);
    if (author.showChurch === show) return;
    await tx
      .update(forumAuthors)
      .set({ showChurch: show, churchName: show ? user.churchName : null, updatedAt: new Date() })
      .where(eq(forumAuthors.id, author.id));
    await recordAudit(tx, {
      churchId: null,
      actorUserId: user.id,
      action: "forum.show_church_changed",
      recordType: "forum_author",
      recordId: author.id,
      before: { showChurch: author.showChurch },
      after: { showChurch: show },
      ...meta,
    });
  });
}

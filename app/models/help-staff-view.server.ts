import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import {
  helpArticles,
  helpFeedback,
  helpRevisions,
  users,
  type HelpArticle,
  type HelpKind,
  type HelpStatus,
} from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { categoryRank } from "~/utils/help-content";
import { lineDiff, type DiffLine } from "./help-diff.server";
import { isUuid } from "./roles.server";

/**
 * What support staff see of help content (`manage:help`): the staff list with
 * readers' feedback, one article with what the editor shows around it, and an
 * article's revision history with diffs. Changes are help-editing.server.ts;
 * the public read side is help.server.ts.
 */

// ---------------------------------------------------------------- the staff list

export interface FeedbackCounts {
  helpful: number;
  notHelpful: number;
  comments: number;
}

export interface StaffVersion {
  id: string;
  locale: "en" | "fil";
  title: string;
  status: HelpStatus;
  revision: number;
  updatedAt: string;
  updatedByName: string | null;
  /** A translation whose English source has been saved since it was. */
  outOfDate: boolean;
  /** For an out-of-date translation: the source revision it was last saved against. */
  sourceRevision: number | null;
  feedback: FeedbackCounts;
}

export interface StaffEntry extends StaffVersion {
  kind: HelpKind;
  slug: string;
  category: string;
  translations: StaffVersion[];
}

const listColumns = {
  id: helpArticles.id,
  sourceId: helpArticles.sourceId,
  locale: helpArticles.locale,
  kind: helpArticles.kind,
  slug: helpArticles.slug,
  category: helpArticles.category,
  title: helpArticles.title,
  status: helpArticles.status,
  revision: helpArticles.revision,
  sourceRevision: helpArticles.sourceRevision,
  updatedAt: helpArticles.updatedAt,
  updatedByName: users.displayName,
};

const NO_FEEDBACK: FeedbackCounts = { helpful: 0, notHelpful: 0, comments: 0 };

/** "Was this helpful?" answers per article, counted in the database. */
async function feedbackCounts(tx: Tx, articleIds?: string[]): Promise<Map<string, FeedbackCounts>> {
  const rows = await tx
    .select({
      articleId: helpFeedback.articleId,
      helpful: sql<number>`(count(*) filter (where ${helpFeedback.helpful}))::int`,
      notHelpful: sql<number>`(count(*) filter (where not ${helpFeedback.helpful}))::int`,
      comments: sql<number>`(count(*) filter (where btrim(coalesce(${helpFeedback.comment}, '')) <> ''))::int`,
    })
    .from(helpFeedback)
    .where(articleIds ? inArray(helpFeedback.articleId, articleIds) : undefined)
    .groupBy(helpFeedback.articleId);
  return new Map(rows.map(({ articleId, ...counts }) => [articleId, counts]));
}

/**
 * Every article and FAQ entry, whatever its status, English sources first with
 * their translations under them, in category order.
 */
export async function listForStaff(): Promise<StaffEntry[]> {
  return acrossChurches(async (tx) => {
    const rows = await tx
      .select(listColumns)
      .from(helpArticles)
      .leftJoin(users, eq(users.id, helpArticles.updatedBy))
      .orderBy(asc(helpArticles.kind), asc(helpArticles.position), asc(helpArticles.title));
    const feedback = await feedbackCounts(tx);
    const revisionOf = new Map(rows.map((row) => [row.id, row.revision]));
    const version = (row: (typeof rows)[number]): StaffVersion => {
      const sourceRevision = row.sourceId ? revisionOf.get(row.sourceId) ?? null : null;
      return {
        id: row.id,
        locale: row.locale,
        title: row.title,
        status: row.status,
        revision: row.revision,
        updatedAt: row.updatedAt.toISOString(),
        updatedByName: row.updatedByName,
        outOfDate: sourceRevision !== null && (row.sourceRevision ?? 0) < sourceRevision,
        sourceRevision: row.sourceRevision,
        feedback: feedback.get(row.id) ?? NO_FEEDBACK,
      };
    };
    const entries = new Map<string, StaffEntry>();
    // A row whose source is gone would be orphaned; the foreign key cascades, so every source is here.
    for (const row of rows.filter((r) => !r.sourceId || !revisionOf.has(r.sourceId))) {
      entries.set(row.id, {
        ...version(row),
        kind: row.kind,
        slug: row.slug,
        category: row.category,
        translations: [],
      });
    }
    for (const row of rows.filter((r) => r.sourceId && revisionOf.has(r.sourceId))) {
      entries.get(row.sourceId!)?.translations.push(version(row));
    }
    return [...entries.values()].sort((a, b) => categoryRank(a.category) - categoryRank(b.category));
  });
}

// ---------------------------------------------------------------- one article

export interface FeedbackComment {
  id: string;
  helpful: boolean;
  comment: string;
  createdAt: string;
}

export interface ArticleForEditor {
  article: {
    id: string;
    sourceId: string | null;
    locale: "en" | "fil";
    kind: HelpKind;
    slug: string;
    category: string;
    title: string;
    body: string;
    status: HelpStatus;
    revision: number;
    sourceRevision: number | null;
    updatedAt: string;
    updatedByName: string | null;
  };
  /** For a translation: its English source as it is now. */
  source: { id: string; title: string; body: string; revision: number; status: HelpStatus } | null;
  /** For a translation: the source was saved after it. */
  outOfDate: boolean;
  /** For an English article: its Filipino version, if there is one. */
  translation: {
    id: string;
    status: HelpStatus;
    revision: number;
    sourceRevision: number | null;
    outOfDate: boolean;
  } | null;
  feedback: FeedbackCounts & { recent: FeedbackComment[] };
}

export const FEEDBACK_SHOWN = 100;

/** An article row (locked for update with `lock`), or null. */
export async function articleRow(tx: Tx, id: string, lock = false): Promise<HelpArticle | null> {
  const query = tx.select().from(helpArticles).where(eq(helpArticles.id, id));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

export async function displayNameOf(tx: Tx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

/** An article with what the editor shows around it, or null (unknown or malformed id). */
export async function findArticleForEditor(articleId: string): Promise<ArticleForEditor | null> {
  if (!isUuid(articleId)) return null;
  return acrossChurches(async (tx) => {
    const row = await articleRow(tx, articleId);
    if (!row) return null;
    const source = row.sourceId ? await articleRow(tx, row.sourceId) : null;
    const [translation] = row.sourceId
      ? []
      : await tx
          .select()
          .from(helpArticles)
          .where(and(eq(helpArticles.sourceId, row.id), eq(helpArticles.locale, "fil")));
    const counts = (await feedbackCounts(tx, [row.id])).get(row.id) ?? NO_FEEDBACK;
    const recent = await tx
      .select({
        id: helpFeedback.id,
        helpful: helpFeedback.helpful,
        comment: helpFeedback.comment,
        createdAt: helpFeedback.createdAt,
      })
      .from(helpFeedback)
      .where(
        and(
          eq(helpFeedback.articleId, row.id),
          isNotNull(helpFeedback.comment),
          sql`btrim(${helpFeedback.comment}) <> ''`
        )
      )
      .orderBy(desc(helpFeedback.createdAt), desc(helpFeedback.id))
      .limit(FEEDBACK_SHOWN);
    return {
      article: {
        id: row.id,
        sourceId: row.sourceId,
        locale: row.locale,
        kind: row.kind,
        slug: row.slug,
        category: row.category,
        title: row.title,
        body: row.body,
        status: row.status,
        revision: row.revision,
        sourceRevision: row.sourceRevision,
        updatedAt: row.updatedAt.toISOString(),
        updatedByName: await displayNameOf(tx, row.updatedBy),
      },
      source: source
        ? { id: source.id, title: source.title, body: source.body, revision: source.revision, status: source.status }
        : null,
      outOfDate: source !== null && (row.sourceRevision ?? 0) < source.revision,
      translation: translation
        ? {
            id: translation.id,
            status: translation.status,
            revision: translation.revision,
            sourceRevision: translation.sourceRevision,
            outOfDate: (translation.sourceRevision ?? 0) < row.revision,
          }
        : null,
      feedback: {
        ...counts,
        recent: recent.map((f) => ({
          id: f.id,
          helpful: f.helpful,
          comment: f.comment ?? "",
          createdAt: f.createdAt.toISOString(),
        })),
      },
    };
  });
}

// ---------------------------------------------------------------- history

export interface RevisionDiff {
  from: number;
  to: number;
  title: DiffLine[];
  body: DiffLine[];
}

export interface RevisionSummary {
  revision: number;
  title: string;
  status: HelpStatus;
  authorName: string | null;
  createdAt: string;
}

export interface ArticleHistory {
  article: { id: string; title: string; slug: string; locale: "en" | "fil"; revision: number; sourceId: string | null };
  /** Newest first. */
  revisions: RevisionSummary[];
}

/** An article's revisions, newest first, or null (unknown or malformed id). */
export async function articleHistory(articleId: string): Promise<ArticleHistory | null> {
  if (!isUuid(articleId)) return null;
  return acrossChurches(async (tx) => {
    const row = await articleRow(tx, articleId);
    if (!row) return null;
    const revisions = await tx
      .select({
        revision: helpRevisions.revision,
        title: helpRevisions.title,
        status: helpRevisions.status,
        authorName: users.displayName,
        createdAt: helpRevisions.createdAt,
      })
      .from(helpRevisions)
      .leftJoin(users, eq(users.id, helpRevisions.authorId))
      .where(eq(helpRevisions.articleId, articleId))
      .orderBy(desc(helpRevisions.revision));
    return {
      article: {
        id: row.id,
        title: row.title,
        slug: row.slug,
        locale: row.locale,
        revision: row.revision,
        sourceId: row.sourceId,
      },
      revisions: revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    };
  });
}

/** The line diff between two revisions inside a transaction, or null when either is unknown. */
export async function diffIn(tx: Tx, articleId: string, from: number, to: number): Promise<RevisionDiff | null> {
  const rows = await tx
    .select({ revision: helpRevisions.revision, title: helpRevisions.title, body: helpRevisions.body })
    .from(helpRevisions)
    .where(and(eq(helpRevisions.articleId, articleId), inArray(helpRevisions.revision, [from, to])));
  const before = rows.find((r) => r.revision === from);
  const after = rows.find((r) => r.revision === to);
  if (!before || !after) return null;
  return { from, to, title: lineDiff(before.title, after.title), body: lineDiff(before.body, after.body) };
}

/** The line diff between two revisions of an article, or null when either is unknown. */
export async function diffRevisions(articleId: string, from: number, to: number): Promise<RevisionDiff | null> {
  if (!isUuid(articleId)) return null;
  return acrossChurches((tx) => diffIn(tx, articleId, from, to));
}

import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import {
  HELP_KINDS,
  HELP_STATUSES,
  helpArticles,
  helpFeedback,
  helpRevisions,
  users,
  type HelpArticle,
  type HelpKind,
  type HelpStatus,
} from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import type { FieldErrors } from "~/utils/forms";
import { BODY_MAX, HELP_CATEGORIES, NEXT_STATUSES, SLUG_MAX, SLUG_PATTERN, TITLE_MAX } from "~/utils/help-content";
import { recordAudit } from "./audit.server";
import { lineDiff, type DiffLine } from "./help-diff.server";
import { isUniqueViolation, isUuid } from "./roles.server";
import type { RequestMeta } from "./users.server";

/**
 * Help editing by support staff (`manage:help`): the staff list, creating
 * English articles and FAQ entries, saving with a concurrency check, Filipino
 * translations that know when their English source moved on, revision
 * history with diffs and restore, and readers' feedback. The public read side
 * is help.server.ts.
 *
 * Concurrency: `revision` counts saves. An editor posts the revision it
 * started from; the save is `UPDATE … WHERE id = ? AND revision = ?`, so of
 * two people saving from the same revision exactly one wins and the other is
 * told, with the winning change, instead of silently overwriting it.
 *
 * Help content is platform-level (no church), so everything here runs
 * across churches and is audited with `churchId: null`.
 */

/** Who is editing: the signed-in staff member. */
export interface HelpEditor {
  id: string;
}

// ---------------------------------------------------------------- forms

/** Missing or repeated form fields read as "" so the messages stay our own keys. */
const posted = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (typeof v === "string" ? v : ""), schema);

/** Markdown as typed, with browsers' CRLF made plain and trailing blank space dropped. */
export function normalizeBody(body: string): string {
  return body.replace(/\r\n?/g, "\n").replace(/\s+$/, "");
}

const title = posted(z.string().trim().min(1, "forms:required").max(TITLE_MAX, "forms:tooLong"));
const body = posted(
  z
    .string()
    .transform(normalizeBody)
    .pipe(z.string().min(1, "forms:required").max(BODY_MAX, "staffHelp:errors.bodyTooLong"))
);
const category = posted(z.enum(HELP_CATEGORIES, { errorMap: () => ({ message: "staffHelp:errors.category" }) }));
const status = posted(z.enum(HELP_STATUSES, { errorMap: () => ({ message: "forms:choose" }) }));
const revisionNumber = posted(
  z
    .string()
    .regex(/^[1-9]\d{0,8}$/, "staffHelp:errors.revision")
    .transform(Number)
);

/** FAQ entries live in the FAQ category and only there. */
function categoryFits(kind: HelpKind, chosen: string): boolean {
  return kind === "faq" ? chosen === "faq" : chosen !== "faq";
}

/** A new English article or FAQ entry (/staff/help). */
export const newArticleForm = z
  .object({
    kind: posted(z.enum(HELP_KINDS, { errorMap: () => ({ message: "forms:choose" }) })),
    slug: posted(
      z
        .string()
        .trim()
        .min(1, "forms:required")
        .max(SLUG_MAX, "forms:tooLong")
        .regex(SLUG_PATTERN, "staffHelp:errors.slug")
    ),
    category,
    title,
    body,
    status: posted(z.enum(["draft", "published"], { errorMap: () => ({ message: "forms:choose" }) })),
  })
  .superRefine((input, ctx) => {
    if (!categoryFits(input.kind, input.category)) {
      ctx.addIssue({
        code: "custom",
        path: ["category"],
        message: input.kind === "faq" ? "staffHelp:errors.faqCategory" : "staffHelp:errors.articleCategory",
      });
    }
  });
export type NewArticleInput = z.infer<typeof newArticleForm>;

/**
 * A save from the editor. `category` is absent for a translation (it follows
 * its English source); `expectedRevision` is the revision the editor opened.
 */
export const saveArticleForm = z.object({
  title,
  body,
  category: z.preprocess(
    (v) => (typeof v === "string" && v !== "" ? v : undefined),
    z.enum(HELP_CATEGORIES, { errorMap: () => ({ message: "staffHelp:errors.category" }) }).optional()
  ),
  status,
  expectedRevision: revisionNumber,
});
export type SaveArticleInput = z.infer<typeof saveArticleForm>;

/** A new Filipino translation of an English article. */
export const translationForm = z.object({
  title,
  body,
  status: posted(z.enum(["draft", "published"], { errorMap: () => ({ message: "forms:choose" }) })),
});
export type TranslationInput = z.infer<typeof translationForm>;

/** The preview button: same fields, nothing checked but that there is Markdown to show. */
export const previewForm = z.object({ body: posted(z.string().transform(normalizeBody)) });

/** Restore a revision, from the history page. */
export const restoreForm = z.object({ revision: revisionNumber, expectedRevision: revisionNumber });

// ---------------------------------------------------------------- outcomes

export interface RevisionDiff {
  from: number;
  to: number;
  title: DiffLine[];
  body: DiffLine[];
}

/** What the other person saved, for "changed since you opened it". */
export interface Conflict {
  startedFrom: number;
  current: {
    revision: number;
    title: string;
    body: string;
    status: HelpStatus;
    authorName: string | null;
    savedAt: string;
  };
  /** From the revision the editor opened to the current one; null when that revision is unknown. */
  diff: RevisionDiff | null;
}

export type EditOutcome =
  | { ok: true; id: string; revision: number }
  | { ok: false; reason: "invalid"; errors: FieldErrors }
  | { ok: false; reason: "notFound" }
  /** Nothing differs from the current revision: no new revision is made. */
  | { ok: false; reason: "unchanged" }
  | { ok: false; reason: "conflict"; conflict: Conflict }
  /** The Filipino version exists already (its id). */
  | { ok: false; reason: "exists"; id: string };

const NOT_FOUND = { ok: false, reason: "notFound" } as const;
const UNCHANGED = { ok: false, reason: "unchanged" } as const;
const invalid = (field: string, message: string): EditOutcome => ({
  ok: false,
  reason: "invalid",
  errors: { [field]: [message] },
});

/** HTTP status for a refused edit. */
export function statusOf(outcome: Exclude<EditOutcome, { ok: true }>): 400 | 404 | 409 {
  return outcome.reason === "notFound" ? 404 : outcome.reason === "conflict" ? 409 : 400;
}

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
    const order = (c: string) => {
      const index = (HELP_CATEGORIES as readonly string[]).indexOf(c);
      return index === -1 ? HELP_CATEGORIES.length : index;
    };
    return [...entries.values()].sort((a, b) => order(a.category) - order(b.category));
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

async function articleRow(tx: Tx, id: string, lock = false): Promise<HelpArticle | null> {
  const query = tx.select().from(helpArticles).where(eq(helpArticles.id, id));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

async function displayNameOf(tx: Tx, userId: string | null): Promise<string | null> {
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

// ---------------------------------------------------------------- creating

/** Unique slugs are checked first; one taken between the check and the insert is still a field error. */
async function guarded(work: () => Promise<EditOutcome>): Promise<EditOutcome> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) return invalid("slug", "staffHelp:errors.slugTaken");
    throw error;
  }
}

/** A new English article or FAQ entry, with its revision 1. Drafts unless asked otherwise. */
export function createArticle(
  editor: HelpEditor,
  input: NewArticleInput,
  meta: RequestMeta = {}
): Promise<EditOutcome> {
  return guarded(() =>
    acrossChurches(async (tx) => {
      // A slug names the article in every language: taken in any one, taken.
      const [taken] = await tx
        .select({ id: helpArticles.id })
        .from(helpArticles)
        .where(eq(helpArticles.slug, input.slug));
      if (taken) return invalid("slug", "staffHelp:errors.slugTaken");
      const now = new Date();
      const [article] = await tx
        .insert(helpArticles)
        .values({
          locale: "en",
          kind: input.kind,
          slug: input.slug,
          category: input.category,
          title: input.title,
          body: input.body,
          status: input.status,
          revision: 1,
          updatedBy: editor.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await recordRevision(tx, editor, article!, now);
      await audit(tx, editor, meta, "help_article.created", article!.id, null, summary(article!));
      return { ok: true as const, id: article!.id, revision: 1 };
    })
  );
}

/** The Filipino version of an English article: same slug and category, linked to its source. */
export function createTranslation(
  editor: HelpEditor,
  sourceId: string,
  input: TranslationInput,
  meta: RequestMeta = {}
): Promise<EditOutcome> {
  if (!isUuid(sourceId)) return Promise.resolve(NOT_FOUND);
  return guarded(() =>
    acrossChurches(async (tx) => {
      const source = await articleRow(tx, sourceId, true);
      if (!source || source.sourceId || source.locale !== "en") return NOT_FOUND;
      const [existing] = await tx
        .select({ id: helpArticles.id })
        .from(helpArticles)
        .where(and(eq(helpArticles.sourceId, source.id), eq(helpArticles.locale, "fil")));
      if (existing) return { ok: false as const, reason: "exists" as const, id: existing.id };
      const now = new Date();
      const [article] = await tx
        .insert(helpArticles)
        .values({
          sourceId: source.id,
          locale: "fil",
          kind: source.kind,
          slug: source.slug,
          category: source.category,
          position: source.position,
          title: input.title,
          body: input.body,
          status: input.status,
          revision: 1,
          sourceRevision: source.revision,
          updatedBy: editor.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await recordRevision(tx, editor, article!, now);
      await audit(tx, editor, meta, "help_article.translation_created", article!.id, null, {
        ...summary(article!),
        sourceId: source.id,
        sourceRevision: source.revision,
      });
      return { ok: true as const, id: article!.id, revision: 1 };
    })
  );
}

// ---------------------------------------------------------------- saving

interface Content {
  title: string;
  body: string;
  category: string;
  status: HelpStatus;
  sourceRevision: number | null;
}

/**
 * A save from the editor, refused when someone else saved since
 * `expectedRevision` (409, with their change), when nothing differs from the
 * current revision, or when the status may not move that way.
 * A translation is saved against its source's current revision, which clears
 * its out-of-date flag: the translator has seen the source as it is now.
 */
export function saveArticle(
  editor: HelpEditor,
  articleId: string,
  input: SaveArticleInput,
  meta: RequestMeta = {}
): Promise<EditOutcome> {
  if (!isUuid(articleId)) return Promise.resolve(NOT_FOUND);
  return acrossChurches(async (tx) => {
    const article = await articleRow(tx, articleId);
    if (!article) return NOT_FOUND;
    if (article.revision !== input.expectedRevision) return conflict(tx, article, input.expectedRevision);
    const source = article.sourceId ? await articleRow(tx, article.sourceId) : null;
    const chosenCategory = source ? source.category : input.category ?? article.category;
    if (!source && !categoryFits(article.kind, chosenCategory)) {
      return invalid(
        "category",
        article.kind === "faq" ? "staffHelp:errors.faqCategory" : "staffHelp:errors.articleCategory"
      );
    }
    if (!NEXT_STATUSES[article.status].includes(input.status)) return invalid("status", "staffHelp:errors.statusMove");
    const next: Content = {
      title: input.title,
      body: input.body,
      category: chosenCategory,
      status: input.status,
      sourceRevision: source ? source.revision : article.sourceRevision,
    };
    return applySave(tx, editor, article, next, input.expectedRevision, meta, "help_article.saved");
  });
}

/**
 * Restore revision `revision`: a new save whose title and text are that
 * revision's (the status stays as it is now: restoring words does not publish
 * or withdraw anything). Concurrency-checked like any save.
 */
export function restoreRevision(
  editor: HelpEditor,
  articleId: string,
  revision: number,
  expectedRevision: number,
  meta: RequestMeta = {}
): Promise<EditOutcome> {
  if (!isUuid(articleId)) return Promise.resolve(NOT_FOUND);
  return acrossChurches(async (tx) => {
    const article = await articleRow(tx, articleId);
    if (!article) return NOT_FOUND;
    const [old] = await tx
      .select()
      .from(helpRevisions)
      .where(and(eq(helpRevisions.articleId, articleId), eq(helpRevisions.revision, revision)));
    if (!old) return invalid("revision", "staffHelp:errors.noSuchRevision");
    if (article.revision !== expectedRevision) return conflict(tx, article, expectedRevision);
    const next: Content = {
      title: old.title,
      body: old.body,
      category: article.category,
      status: article.status,
      // Old words were written against an older source: restoring them never marks a translation current.
      sourceRevision: article.sourceRevision,
    };
    return applySave(tx, editor, article, next, expectedRevision, meta, "help_article.restored", {
      restoredFrom: revision,
    });
  });
}

async function applySave(
  tx: Tx,
  editor: HelpEditor,
  article: HelpArticle,
  next: Content,
  expectedRevision: number,
  meta: RequestMeta,
  action: string,
  extra: Record<string, unknown> = {}
): Promise<EditOutcome> {
  const unchanged =
    next.title === article.title &&
    next.body === article.body &&
    next.category === article.category &&
    next.status === article.status &&
    next.sourceRevision === article.sourceRevision;
  if (unchanged) return UNCHANGED;
  const now = new Date();
  // The concurrency check itself: only the revision the editor opened may be replaced.
  const [saved] = await tx
    .update(helpArticles)
    .set({ ...next, revision: sql`${helpArticles.revision} + 1`, updatedBy: editor.id, updatedAt: now })
    .where(and(eq(helpArticles.id, article.id), eq(helpArticles.revision, expectedRevision)))
    .returning();
  if (!saved) {
    const current = await articleRow(tx, article.id);
    return current ? conflict(tx, current, expectedRevision) : NOT_FOUND;
  }
  await recordRevision(tx, editor, saved, now);
  await audit(tx, editor, meta, action, saved.id, summary(article), { ...summary(saved), ...extra });
  if (saved.status !== article.status) {
    await audit(
      tx,
      editor,
      meta,
      "help_article.status_changed",
      saved.id,
      { status: article.status },
      { status: saved.status, revision: saved.revision }
    );
  }
  return { ok: true, id: saved.id, revision: saved.revision };
}

async function conflict(tx: Tx, current: HelpArticle, startedFrom: number): Promise<EditOutcome> {
  const [latest] = await tx
    .select({ createdAt: helpRevisions.createdAt, authorName: users.displayName })
    .from(helpRevisions)
    .leftJoin(users, eq(users.id, helpRevisions.authorId))
    .where(and(eq(helpRevisions.articleId, current.id), eq(helpRevisions.revision, current.revision)));
  return {
    ok: false,
    reason: "conflict",
    conflict: {
      startedFrom,
      current: {
        revision: current.revision,
        title: current.title,
        body: current.body,
        status: current.status,
        authorName: latest?.authorName ?? (await displayNameOf(tx, current.updatedBy)),
        savedAt: (latest?.createdAt ?? current.updatedAt).toISOString(),
      },
      diff: await diffIn(tx, current.id, startedFrom, current.revision),
    },
  };
}

function recordRevision(tx: Tx, editor: HelpEditor, article: HelpArticle, at: Date) {
  return tx.insert(helpRevisions).values({
    articleId: article.id,
    revision: article.revision,
    title: article.title,
    body: article.body,
    status: article.status,
    authorId: editor.id,
    createdAt: at,
  });
}

/** What the audit log keeps of an article: enough to know what changed, not the whole text (that is in help_revisions). */
function summary(article: HelpArticle): Record<string, unknown> {
  return {
    slug: article.slug,
    locale: article.locale,
    kind: article.kind,
    category: article.category,
    title: article.title,
    status: article.status,
    revision: article.revision,
    bodyLength: article.body.length,
  };
}

function audit(
  tx: Tx,
  editor: HelpEditor,
  meta: RequestMeta,
  action: string,
  articleId: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null
) {
  return recordAudit(tx, {
    churchId: null,
    actorUserId: editor.id,
    action,
    recordType: "help_article",
    recordId: articleId,
    before,
    after,
    ...meta,
  });
}

// ---------------------------------------------------------------- history

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

async function diffIn(tx: Tx, articleId: string, from: number, to: number): Promise<RevisionDiff | null> {
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

import { and, eq, sql } from "drizzle-orm";
import { helpArticles, helpRevisions, users, type HelpArticle, type HelpStatus } from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { invalidateScope } from "~/utils/cache.server";
import type { FieldErrors } from "~/utils/forms";
import { NEXT_STATUSES } from "~/utils/help-content";
import { recordAudit } from "./audit.server";
import {
  categoryFits,
  type NewArticleInput,
  type SaveArticleInput,
  type TranslationInput,
} from "./help-editing-forms.server";
import { articleRow, diffIn, displayNameOf, type RevisionDiff } from "./help-staff-view.server";
import { isUniqueViolation, isUuid } from "./roles.server";
import type { RequestMeta } from "./users.server";

/**
 * Help editing by support staff (`manage:help`): creating English articles
 * and FAQ entries, saving with a concurrency check, Filipino translations
 * that know when their English source moved on, and restoring a revision.
 * The forms are help-editing-forms.server.ts; what staff see (list, editor,
 * history) is help-staff-view.server.ts; the public read side is help.server.ts.
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

// ---------------------------------------------------------------- outcomes

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
      await helpChanged(tx, article!);
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
      await helpChanged(tx, article!);
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
  await helpChanged(tx, article, saved);
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

/**
 * What visitors see changed when a published article was edited, published or
 * withdrawn: every cached help page goes stale in every app process once this
 * transaction commits (docs/decisions/010-shared-cache.md). Drafts change nothing public.
 */
async function helpChanged(tx: Tx, ...versions: HelpArticle[]) {
  if (versions.some((version) => version.status === "published")) await invalidateScope(tx, "help");
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


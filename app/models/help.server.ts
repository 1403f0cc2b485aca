import { and, asc, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { helpArticles, helpFeedback, type HelpKind, type HelpLocale } from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { cachedInScope } from "~/utils/cache.server";
import { fields } from "~/utils/forms";
import { plainText, renderMarkdown } from "~/utils/markdown.server";
import { categoryRank } from "~/utils/help-content";

/**
 * The public help center, read side: what anyone may see of the published
 * help articles and FAQ, in the visitor's language where a published
 * translation exists and in English otherwise (marked as a fallback, so the
 * page can say so). Editing lives in help-editing.server.ts.
 *
 * English rows are the sources (no source_id); a translation points at its
 * source and shares its slug. A translation is shown only while its source is
 * published too: archiving the English article takes every language down.
 */

/** Policy texts (the privacy policy) live at /privacy: never listed or searched in the help center. */
const notPolicy = () => sql`${helpArticles.category} <> 'policy'`;

/** The help language for a UI locale: Filipino, or English for anything else. */
export function helpLocaleOf(locale: string): HelpLocale {
  return locale === "fil" ? "fil" : "en";
}

/** A title as plain text; one that was all markup still needs words to link with. */
const titleOf = (row: { title: string; slug: string }) => plainText(row.title) || row.slug;

const translation = alias(helpArticles, "translation");

/** The translation join: a published row in `locale` for the English source (never for English itself). */
const publishedTranslationIn = (locale: HelpLocale) =>
  and(
    eq(translation.sourceId, helpArticles.id),
    eq(translation.locale, locale),
    eq(translation.status, "published"),
    sql`${locale} <> 'en'`,
  );

/** Published English sources of one kind (article or FAQ). */
const publishedSources = (kind?: HelpKind) =>
  and(
    eq(helpArticles.locale, "en"),
    isNull(helpArticles.sourceId),
    eq(helpArticles.status, "published"),
    kind ? eq(helpArticles.kind, kind) : undefined,
  );

/** Source and translation side by side: the translation wins where there is one. */
async function listShown(tx: Tx, locale: HelpLocale, kind: HelpKind) {
  return tx
    .select({
      slug: helpArticles.slug,
      category: helpArticles.category,
      title: sql<string>`coalesce(${translation.title}, ${helpArticles.title})`,
      body: sql<string>`coalesce(${translation.body}, ${helpArticles.body})`,
      fallback: sql<boolean>`${translation.id} is null and ${locale} <> 'en'`,
    })
    .from(helpArticles)
    .leftJoin(translation, publishedTranslationIn(locale))
    .where(and(publishedSources(kind), notPolicy()))
    .orderBy(
      asc(helpArticles.category),
      asc(helpArticles.position),
      asc(sql`coalesce(${translation.title}, ${helpArticles.title})`),
    );
}

/** Categories in the house order, then any others by key. */
function groupByCategory<T extends { category: string }>(rows: T[]): { key: string; entries: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.category) ?? [];
    group.push(row);
    groups.set(row.category, group);
  }
  // In HELP_CATEGORIES order; anything else follows, by key.
  return [...groups.entries()]
    .sort(([a], [b]) => categoryRank(a) - categoryRank(b) || a.localeCompare(b))
    .map(([key, entries]) => ({ key, entries }));
}

export interface HelpListing {
  slug: string;
  title: string;
  /** Shown in English because there is no published translation yet. */
  fallback: boolean;
}

export interface HelpCategory {
  key: string;
  articles: HelpListing[];
}

/*
 * Published help is the same for every visitor of a language, so the pages
 * below are read through the shared cache, rendered markdown included (the
 * costly part). Editing bumps the "help" generation (help-editing.server.ts),
 * which retires these copies in every app process. Ten minutes only bounds
 * memory; staleness is handled by the generation.
 */
const HELP_TTL_SECONDS = 600;

/** /help: published articles by category, in the visitor's language where translated. */
export function helpHome(locale: string): Promise<HelpCategory[]> {
  const language = helpLocaleOf(locale);
  return cachedInScope("help", `home:${language}`, HELP_TTL_SECONDS, async (tx) => {
    const rows = await listShown(tx, language, "article");
    return groupByCategory(rows).map(({ key, entries }) => ({
      key,
      articles: entries.map((row) => ({ slug: row.slug, title: titleOf(row), fallback: row.fallback })),
    }));
  });
}

export interface ShownArticle {
  /** The row shown (the translation, or the English source): feedback is stored on it. */
  id: string;
  slug: string;
  kind: HelpKind;
  category: string;
  /** The language of the text shown, for the `lang` attribute. */
  locale: HelpLocale;
  title: string;
  /** Sanitized HTML, ready for dangerouslySetInnerHTML. */
  html: string;
  fallback: boolean;
  updatedAt: string;
}

/** The row to show for a slug in a language, or null when there is no published English source. */
async function findShown(tx: Tx, slug: string, locale: HelpLocale) {
  const [row] = await tx
    .select({
      sourceId: helpArticles.id,
      translationId: translation.id,
      kind: helpArticles.kind,
      category: helpArticles.category,
      title: sql<string>`coalesce(${translation.title}, ${helpArticles.title})`,
      body: sql<string>`coalesce(${translation.body}, ${helpArticles.body})`,
      updatedAt: sql<string>`coalesce(${translation.updatedAt}, ${helpArticles.updatedAt})`,
    })
    .from(helpArticles)
    .leftJoin(translation, publishedTranslationIn(locale))
    .where(and(publishedSources(), eq(helpArticles.slug, slug)))
    .limit(1);
  return row ?? null;
}

/** /help/:slug: one published article (or FAQ entry), rendered safe; null for 404. */
export function helpArticle(slug: string, locale: string): Promise<ShownArticle | null> {
  const language = helpLocaleOf(locale);
  return cachedInScope("help", `article:${language}:${slug}`, HELP_TTL_SECONDS, async (tx) => {
    const row = await findShown(tx, slug, language);
    return row ? shownArticle(row, slug, language) : null;
  });
}

function shownArticle(row: NonNullable<Awaited<ReturnType<typeof findShown>>>, slug: string, language: HelpLocale): ShownArticle {
  // English readers read the source itself: nothing has "fallen back".
  const fallback = language !== "en" && row.translationId === null;
  return {
    id: row.translationId ?? row.sourceId,
    slug,
    kind: row.kind,
    category: row.category,
    locale: fallback ? "en" : language,
    title: titleOf({ title: row.title, slug }),
    html: renderMarkdown(row.body),
    fallback,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export interface FaqEntry {
  slug: string;
  question: string;
  /** Sanitized HTML. */
  answer: string;
  fallback: boolean;
}

/** /help/faq: every published FAQ entry, grouped by category, with the same fallback. */
export function faqEntries(locale: string): Promise<{ key: string; entries: FaqEntry[] }[]> {
  const language = helpLocaleOf(locale);
  return cachedInScope("help", `faq:${language}`, HELP_TTL_SECONDS, async (tx) => {
    const rows = await listShown(tx, language, "faq");
    return groupByCategory(rows).map(({ key, entries }) => ({
      key,
      entries: entries.map((row) => ({
        slug: row.slug,
        question: titleOf(row),
        answer: renderMarkdown(row.body),
        fallback: row.fallback,
      })),
    }));
  });
}

/** Longest search we take; anything beyond is cut, not refused. */
export const MAX_QUERY_LENGTH = 200;
const MAX_RESULTS = 20;

/*
 * ts_headline marks every match in the whole markdown body with these two
 * private-use characters: nobody types them, and markdown and the sanitizer
 * leave them alone. The body then goes through plainText like any help text,
 * so the excerpt is words only (no half links or stray `**`), and the page
 * turns the markers into <mark> elements itself: no HTML from the database
 * is trusted.
 */
const START = "\uE000";
const STOP = "\uE001";
const HEADLINE_OPTIONS = `HighlightAll=true, StartSel=${START}, StopSel=${STOP}`;
/** Words in an excerpt, and how many of them come before the first match. */
const EXCERPT_WORDS = 32;
const EXCERPT_LEAD = 8;

/** What a visitor typed, made safe to hand to PostgreSQL: trimmed, capped, no control characters. */
export function cleanQuery(raw: string | null | undefined): string {
  return (raw ?? "")
    .replace(/[\u0000-\u001f\u007f\uE000\uE001]/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
}

/** A piece of an excerpt: plain text, highlighted or not. */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

export interface SearchResult {
  slug: string;
  kind: HelpKind;
  /** The language of the matched text. */
  locale: HelpLocale;
  title: string;
  excerpt: ExcerptPart[];
  /** Matched only in English while the visitor reads another language. */
  fallback: boolean;
}

/**
 * A short window of the highlighted text around its first match (or its
 * start, when only the title matched), split on the markers. A match is one
 * word, so a window of whole words never cuts one in half; stray markers are
 * simply dropped.
 */
export function excerptOf(highlighted: string): ExcerptPart[] {
  const words = highlighted.split(/\s+/).filter(Boolean);
  const first = Math.max(
    0,
    words.findIndex((word) => word.includes(START)),
  );
  const from = Math.max(0, first - EXCERPT_LEAD);
  const to = Math.min(words.length, from + EXCERPT_WORDS);
  const window = `${from > 0 ? "… " : ""}${words.slice(from, to).join(" ")}${to < words.length ? " …" : ""}`;
  const parts: ExcerptPart[] = [];
  let match = false;
  let text = "";
  const flush = () => {
    if (text) parts.push({ text, match });
    text = "";
  };
  for (const char of window) {
    if (char === START || char === STOP) {
      flush();
      match = char === START;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

/**
 * Full-text search over published articles and FAQ (migration 0011): the
 * visitor's language with its configuration, plus English with the English
 * one, so an article not yet translated is still found. When both languages
 * match one slug, the visitor's language wins. websearch_to_tsquery never
 * fails on odd input; a query of stop words or punctuation matches nothing.
 */
export async function searchHelp(rawQuery: string, locale: string): Promise<SearchResult[]> {
  const q = cleanQuery(rawQuery);
  if (!q) return [];
  const language = helpLocaleOf(locale);
  const source = alias(helpArticles, "source");
  const visitorQuery = sql`websearch_to_tsquery(kapatiran_help_config(${language}), ${q})`;
  const englishQuery = sql`websearch_to_tsquery(kapatiran_help_config('en'), ${q})`;
  const query: SQL = sql`(case when ${helpArticles.locale} = 'en' then ${englishQuery} else ${visitorQuery} end)`;
  // Normalized by length (1): a short guide about the words beats a long one that mentions them.
  const rank = sql<number>`ts_rank(${helpArticles.search}, ${query}, 1)`;
  const rows = await acrossChurches((tx) =>
    tx
      .select({
        slug: helpArticles.slug,
        kind: helpArticles.kind,
        locale: helpArticles.locale,
        title: helpArticles.title,
        rank,
        headline: sql<string>`ts_headline(kapatiran_help_config(${helpArticles.locale}), ${helpArticles.body}, ${query}, ${HEADLINE_OPTIONS})`,
      })
      .from(helpArticles)
      .leftJoin(source, eq(source.id, helpArticles.sourceId))
      .where(
        and(
          eq(helpArticles.status, "published"),
          or(
            and(eq(helpArticles.locale, "en"), isNull(helpArticles.sourceId)),
            language === "en" ? undefined : and(eq(helpArticles.locale, language), eq(source.status, "published")),
          ),
          sql`${helpArticles.search} @@ ${query}`,
          notPolicy(),
        ),
      )
      .orderBy(desc(rank), asc(helpArticles.slug))
      .limit(MAX_RESULTS * 2),
  );
  const bySlug = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const kept = bySlug.get(row.slug);
    if (!kept || (kept.locale !== language && row.locale === language)) bySlug.set(row.slug, row);
  }
  return [...bySlug.values()]
    .sort((a, b) => b.rank - a.rank || a.slug.localeCompare(b.slug))
    .slice(0, MAX_RESULTS)
    .map((row) => ({
      slug: row.slug,
      kind: row.kind,
      locale: row.locale,
      title: titleOf(row),
      excerpt: excerptOf(plainText(row.headline)),
      fallback: row.locale !== language,
    }));
}

/** "Was this helpful?": two buttons named `helpful`, an optional comment. */
export const helpFeedbackForm = z.object({
  helpful: z.enum(["yes", "no"], { message: "help:feedback.errors.choose" }),
  comment: fields.optionalText(1000),
});

export interface FeedbackInput {
  slug: string;
  locale: string;
  helpful: boolean;
  comment?: string | null;
  userId?: string | null;
}

/**
 * Stores an answer on the row the visitor was shown (the translation when
 * there is one, else the English source). False when the article is not
 * published (the page answers 404).
 */
export async function recordHelpFeedback(input: FeedbackInput): Promise<boolean> {
  const comment = input.comment?.trim().slice(0, 1000) || null;
  return acrossChurches(async (tx) => {
    const shown = await findShown(tx, input.slug, helpLocaleOf(input.locale));
    if (!shown) return false;
    await tx.insert(helpFeedback).values({
      articleId: shown.translationId ?? shown.sourceId,
      helpful: input.helpful,
      comment,
      userId: input.userId ?? null,
    });
    return true;
  });
}

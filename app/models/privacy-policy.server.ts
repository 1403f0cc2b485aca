import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { helpArticles, helpRevisions, policyVersions, type HelpLocale } from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { recordAudit } from "./audit.server";
import type { RequestMeta } from "./users.server";

/**
 * The privacy policy: its text is the help article `privacy-policy` (English
 * source + Filipino translation), edited by support staff with revisions like
 * any article. A policy *version* pins one revision of each language, so the
 * text a visitor consented to can always be shown again, even after the
 * article was edited. Consent records store the version number.
 */

export const POLICY_SLUG = "privacy-policy";

const sqlLock = sql`select pg_advisory_xact_lock(hashtext('privacy-policy:publish'))`;

export interface PolicyVersionSummary {
  version: number;
  summary: string;
  publishedAt: string;
}

export interface PolicyText extends PolicyVersionSummary {
  /** The language of the text shown, for the `lang` attribute. */
  locale: HelpLocale;
  title: string;
  /** Sanitized HTML. */
  html: string;
  /** Filipino was asked for but this version has no Filipino text: English is shown. */
  fallback: boolean;
}

const summaryOf = (row: typeof policyVersions.$inferSelect): PolicyVersionSummary => ({
  version: row.version,
  summary: row.summary,
  publishedAt: row.publishedAt.toISOString(),
});

/** The current version number (the highest), or 0 before any version exists. */
export async function currentPolicyVersion(): Promise<number> {
  return acrossChurches(async (tx) => {
    const [row] = await tx
      .select({ version: policyVersions.version })
      .from(policyVersions)
      .orderBy(desc(policyVersions.version))
      .limit(1);
    return row?.version ?? 0;
  });
}

/** Every published version, newest first. */
export async function listPolicyVersions(): Promise<PolicyVersionSummary[]> {
  const rows = await acrossChurches((tx) => tx.select().from(policyVersions).orderBy(desc(policyVersions.version)));
  return rows.map(summaryOf);
}

/** The English source row and its Filipino translation, if any. */
async function policyArticles(tx: Tx) {
  const [english] = await tx
    .select()
    .from(helpArticles)
    .where(and(eq(helpArticles.slug, POLICY_SLUG), eq(helpArticles.locale, "en"), isNull(helpArticles.sourceId)))
    .limit(1);
  if (!english) return { english: null, filipino: null };
  const [filipino] = await tx
    .select()
    .from(helpArticles)
    .where(and(eq(helpArticles.sourceId, english.id), eq(helpArticles.locale, "fil")))
    .limit(1);
  return { english, filipino: filipino ?? null };
}

async function revisionText(tx: Tx, articleId: string, revision: number) {
  const [row] = await tx
    .select({ title: helpRevisions.title, body: helpRevisions.body })
    .from(helpRevisions)
    .where(and(eq(helpRevisions.articleId, articleId), eq(helpRevisions.revision, revision)))
    .limit(1);
  return row ?? null;
}

/**
 * The text of a version (the current one when `version` is undefined) in a
 * language; null when there is no such version (the page answers 404).
 */
export async function policyText(locale: string, version?: number): Promise<PolicyText | null> {
  const wanted: HelpLocale = locale === "fil" ? "fil" : "en";
  return acrossChurches(async (tx) => {
    const [row] = await tx
      .select()
      .from(policyVersions)
      .where(version === undefined ? undefined : eq(policyVersions.version, version))
      .orderBy(desc(policyVersions.version))
      .limit(1);
    if (!row) return null;
    const { english, filipino } = await policyArticles(tx);
    if (!english) return null;
    const translated =
      wanted === "fil" && filipino && row.filipinoRevision !== null
        ? await revisionText(tx, filipino.id, row.filipinoRevision)
        : null;
    const text = translated ?? (await revisionText(tx, english.id, row.englishRevision));
    if (!text) return null;
    return {
      ...summaryOf(row),
      locale: translated ? "fil" : "en",
      title: text.title,
      html: renderMarkdown(text.body),
      fallback: wanted === "fil" && !translated,
    };
  });
}

/** The newest revision of an article that was saved as published, or null. */
async function latestPublishedRevision(tx: Tx, articleId: string): Promise<number | null> {
  const [row] = await tx
    .select({ revision: helpRevisions.revision })
    .from(helpRevisions)
    .where(and(eq(helpRevisions.articleId, articleId), eq(helpRevisions.status, "published")))
    .orderBy(desc(helpRevisions.revision))
    .limit(1);
  return row?.revision ?? null;
}

export interface PolicyStatus {
  current: PolicyVersionSummary | null;
  /** The English article's id, for the link to its editor; null if the article is missing. */
  articleId: string | null;
  /** Published revisions of the article that the current version does not pin yet. */
  changed: boolean;
  next: { englishRevision: number | null; filipinoRevision: number | null };
}

async function statusIn(tx: Tx): Promise<PolicyStatus & { currentRow: typeof policyVersions.$inferSelect | null }> {
  const [currentRow] = await tx.select().from(policyVersions).orderBy(desc(policyVersions.version)).limit(1);
  const { english, filipino } = await policyArticles(tx);
  const englishRevision = english ? await latestPublishedRevision(tx, english.id) : null;
  const filipinoRevision = filipino ? await latestPublishedRevision(tx, filipino.id) : null;
  const changed =
    englishRevision !== null &&
    (!currentRow ||
      currentRow.englishRevision !== englishRevision ||
      (currentRow.filipinoRevision ?? null) !== filipinoRevision);
  return {
    current: currentRow ? summaryOf(currentRow) : null,
    currentRow: currentRow ?? null,
    articleId: english?.id ?? null,
    changed,
    next: { englishRevision, filipinoRevision },
  };
}

/** /staff/privacy: the current version and whether the article changed since. */
export async function policyStatus(): Promise<PolicyStatus> {
  const { currentRow: _, ...status } = await acrossChurches(statusIn);
  return status;
}

export type PublishOutcome = { ok: true; version: number } | { ok: false; reason: "unchanged" };

/**
 * Pins the newest published English and Filipino revisions as version N+1.
 * Refused when they are the ones the current version already pins: a new
 * version asks every visitor to choose again, so it must mean something.
 */
export async function publishPolicyVersion(
  staff: { id: string },
  summary: string,
  meta: RequestMeta = {}
): Promise<PublishOutcome> {
  return acrossChurches(async (tx) => {
    // One publisher at a time, or two could both claim N+1.
    await tx.execute(sqlLock);
    const status = await statusIn(tx);
    if (!status.changed || status.next.englishRevision === null) return { ok: false, reason: "unchanged" };
    const version = (status.current?.version ?? 0) + 1;
    await tx.insert(policyVersions).values({
      version,
      englishRevision: status.next.englishRevision,
      filipinoRevision: status.next.filipinoRevision,
      summary,
      publishedBy: staff.id,
    });
    await recordAudit(tx, {
      churchId: null,
      actorUserId: staff.id,
      action: "privacy_policy.published",
      recordType: "policy_version",
      recordId: String(version),
      before: status.current ? { version: status.current.version } : null,
      after: { version, summary, ...status.next },
      requestId: meta.requestId,
      ipAddress: meta.ipAddress,
    });
    return { ok: true, version };
  });
}

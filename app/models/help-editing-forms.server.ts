import { z } from "zod";
import { HELP_KINDS, HELP_STATUSES, type HelpKind } from "~/db/schema.server";
import { BODY_MAX, HELP_CATEGORIES, SLUG_MAX, SLUG_PATTERN, TITLE_MAX } from "~/utils/help-content";

/**
 * What the help editor's forms accept (/staff/help): new articles and FAQ
 * entries, saves, translations, previews and restores. Messages are our own
 * translation keys. The writing itself is help-editing.server.ts.
 */

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
export function categoryFits(kind: HelpKind, chosen: string): boolean {
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

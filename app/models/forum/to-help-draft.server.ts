import { and, eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { forumCategories, forumPosts, forumTopics } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { SLUG_MAX, TITLE_MAX } from "~/utils/help-content";
import { recordAudit } from "../audit.server";
import { createArticle, type EditOutcome } from "../help-editing.server";
import type { NewArticleInput } from "../help-editing-forms.server";
import { isUuid } from "../roles.server";
import type { CurrentUser, RequestMeta } from "../users.server";
import { platformAudit, requireModerator } from "./moderation-access.server";

/**
 * Support staff turn a good forum question into the start of a help article:
 * a DRAFT (never published from here) whose text is the question, the answer
 * the topic's author or staff marked, and a link back to the topic. It goes
 * through the help editor's own `createArticle`, so slugs, limits, revisions
 * and its audit entry are the editor's; the forum's audit entry ties the
 * topic to the article. Staff then edit and publish it at /staff/help.
 */

export interface HelpDraftProposal {
  topicId: string;
  topicTitle: string;
  answered: boolean;
  /** What the form starts with; staff may change every field before saving. */
  draft: { title: string; slug: string; category: "support"; body: string };
}

const forbidden = () => new Response("Forbidden: this needs the permissions moderate:forum and manage:help", { status: 403 });

function requireHelpStaff(staff: CurrentUser) {
  requireModerator(staff);
  if (!can(staff, "manage:help")) throw forbidden();
}

/** `how-do-i-add-a-household-3f9a1c`: the title's words without accents, and a piece of the topic id to keep it unique. */
export function draftSlug(title: string, topicId: string): string {
  const words = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const suffix = topicId.replace(/-/g, "").slice(0, 6);
  const room = SLUG_MAX - suffix.length - 1;
  const head = words.slice(0, room).replace(/-+$/g, "") || "community-question";
  return `${head}-${suffix}`;
}

export function draftBody(input: { topicId: string; title: string; question: string; answer: string | null }): string {
  return [
    "## Question",
    input.question.trim(),
    "## Answer",
    input.answer?.trim() || "_No answer has been marked yet._",
    "---",
    `From the community forum: [${input.title.replace(/[[\]]/g, "")}](/community/t/${input.topicId})`,
  ].join("\n\n");
}

/** The proposal for a visible question topic; null for anything else (unknown, not a question, hidden). */
export async function proposeHelpDraft(staff: CurrentUser, topicId: string): Promise<HelpDraftProposal | null> {
  requireHelpStaff(staff);
  if (!isUuid(topicId)) return null;
  return acrossChurches(async (tx) => {
    const [topic] = await tx
      .select({ id: forumTopics.id, title: forumTopics.title, answerPostId: forumTopics.answerPostId })
      .from(forumTopics)
      .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
      .where(and(eq(forumTopics.id, topicId), eq(forumTopics.state, "visible"), eq(forumCategories.forQuestions, true)));
    if (!topic) return null;
    const [question] = await tx
      .select({ body: forumPosts.body })
      .from(forumPosts)
      .where(and(eq(forumPosts.topicId, topicId), eq(forumPosts.opening, true), eq(forumPosts.state, "published")));
    if (!question) return null;
    const [answer] = topic.answerPostId
      ? await tx
          .select({ body: forumPosts.body })
          .from(forumPosts)
          .where(and(eq(forumPosts.id, topic.answerPostId), eq(forumPosts.topicId, topicId), eq(forumPosts.state, "published")))
      : [];
    return {
      topicId,
      topicTitle: topic.title,
      answered: Boolean(answer),
      draft: {
        title: topic.title.slice(0, TITLE_MAX),
        slug: draftSlug(topic.title, topicId),
        category: "support",
        body: draftBody({ topicId, title: topic.title, question: question.body, answer: answer?.body ?? null }),
      },
    };
  });
}

/** Save the (possibly edited) draft as a new help article in draft, and audit where it came from. */
export async function createHelpDraft(
  staff: CurrentUser,
  topicId: string,
  input: Omit<NewArticleInput, "kind" | "status">,
  meta: RequestMeta = {},
): Promise<EditOutcome | null> {
  if (!(await proposeHelpDraft(staff, topicId))) return null;
  const outcome = await createArticle(staff, { ...input, kind: "article", status: "draft" }, meta);
  if (!outcome.ok) return outcome;
  await acrossChurches((tx) =>
    recordAudit(
      tx,
      platformAudit(staff, meta, {
        action: "forum.topic_to_help_draft",
        recordType: "forum_topic",
        recordId: topicId,
        after: { helpArticleId: outcome.id, slug: input.slug },
      }),
    ),
  );
  return outcome;
}

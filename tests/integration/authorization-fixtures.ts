import { and, eq, ne } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import {
  churches,
  dataRequests,
  forumAuthors,
  forumCategories,
  forumPosts,
  forumTopics,
  groups,
  helpArticles,
  helpRevisions,
  memberImports,
  members,
  roles,
  supportTickets,
  ticketMessages,
  users,
} from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";

export interface Fixtures {
  graceImportId: string;
  graceUserId: string;
  graceMemberId: string;
  graceRoleId: string;
  graceGroupId: string;
  otherGraceGroupId: string;
  graceTicketId: string;
  helpArticleId: string;
  publishedHelpSlug: string;
  graceRequestId: string;
  /** A forum question of member@grace.example (Questions category). */
  forumTopicId: string;
  /** admin@hope.example's published reply to it: the otherAdmin's own post. */
  forumReplyId: string;
}

/** Grace records the matrix points its `:id` placeholders at (see authorization-matrix/). */
export async function matrixFixtures(database: Database): Promise<Fixtures> {
  return acrossChurches(async (tx) => {
    const [grace] = await tx.select().from(churches).where(eq(churches.slug, "grace"));
    const [member] = await tx.select().from(users).where(eq(users.email, "member@grace.example"));
    const [memberRecord] = await tx.select().from(members).where(eq(members.userId, member!.id));
    const [role] = await tx
      .insert(roles)
      .values({ churchId: grace!.id, key: "custom", name: "Matrix test role", permissions: ["view:directory"] })
      .returning();
    const [youth] = await tx
      .select()
      .from(groups)
      .where(and(eq(groups.churchId, grace!.id), eq(groups.name, "Youth Ministry")));
    const [other] = await tx
      .select()
      .from(groups)
      .where(and(eq(groups.churchId, grace!.id), ne(groups.name, "Youth Ministry")))
      .limit(1);
    const [upload] = await tx
      .insert(memberImports)
      .values({ churchId: grace!.id, fileName: "matrix.csv", csv: "Name\nAna Cruz\n", mapping: ["full_name"] })
      .returning();
    // A support question of member@grace.example (no screenshot).
    const [ticket] = await tx
      .insert(supportTickets)
      .values({ churchId: grace!.id, requesterId: member!.id, subject: "Matrix question" })
      .returning();
    await tx.insert(ticketMessages).values({ churchId: grace!.id, ticketId: ticket!.id, authorId: member!.id, body: "Hello?" });
    // An English help article with no Filipino version yet (so /translate opens for staff).
    const [article] = await tx
      .insert(helpArticles)
      .values({ locale: "en", slug: "matrix-article", category: "support", title: "Matrix article", body: "Text." })
      .returning();
    await tx
      .insert(helpRevisions)
      .values({ articleId: article!.id, revision: 1, title: "Matrix article", body: "Text.", status: "draft" });
    // A published article anyone may read (/help/:slug).
    const [published] = await tx
      .insert(helpArticles)
      .values({ locale: "en", slug: "matrix-published", category: "support", title: "Matrix guide", body: "Read me.", status: "published" })
      .returning();
    // A pending erasure request of leader@grace.example: the matrix never decides it (nobody is erased).
    const [leader] = await tx.select().from(users).where(eq(users.email, "leader@grace.example"));
    const [erasureRequest] = await tx
      .insert(dataRequests)
      .values({ churchId: grace!.id, userId: leader!.id, requesterName: leader!.displayName, dueAt: new Date(Date.now() + 30 * 86_400_000) })
      .returning();
    // The forum (platform-wide): member@grace asks, admin@hope answers.
    const [hope] = await tx.select().from(users).where(eq(users.email, "admin@hope.example"));
    const [asker, answerer] = await tx
      .insert(forumAuthors)
      .values([
        { userId: member!.id, displayName: member!.displayName },
        { userId: hope!.id, displayName: hope!.displayName },
      ])
      .returning();
    const [questions] = await tx.select().from(forumCategories).where(eq(forumCategories.slug, "questions"));
    const [forumTopic] = await tx
      .insert(forumTopics)
      .values({ categoryId: questions!.id, authorId: asker!.id, title: "Matrix forum question", replyCount: 1 })
      .returning();
    const [, forumReply] = await tx
      .insert(forumPosts)
      .values([
        { topicId: forumTopic!.id, authorId: asker!.id, opening: true, body: "How do I…?" },
        { topicId: forumTopic!.id, authorId: answerer!.id, body: "Like this." },
      ])
      .returning();
    return {
      forumTopicId: forumTopic!.id,
      forumReplyId: forumReply!.id,
      graceRequestId: erasureRequest!.id,
      publishedHelpSlug: published!.slug,
      helpArticleId: article!.id,
      graceTicketId: ticket!.id,
      graceImportId: upload!.id,
      graceUserId: member!.id,
      graceMemberId: memberRecord!.id, graceRoleId: role!.id, graceGroupId: youth!.id, otherGraceGroupId: other!.id };
  }, database);
}

import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { forumCategories, type ForumCategory } from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { fields } from "~/utils/forms";
import { recordAudit } from "../audit.server";
import { isUniqueViolation, isUuid } from "../roles.server";
import type { CurrentUser, RequestMeta } from "../users.server";
import { platformAudit, requireModerator } from "./moderation-access.server";

/**
 * Support staff manage the forum's categories (/community/moderation/categories):
 * add one, rename it (both languages) or change what it is for, move it up or
 * down the list, archive it (gone from lists and the new-topic form, its topics
 * kept) and bring it back. Slugs are URLs (/community/c/:slug): fixed once made.
 */

export const NAME_MAX = 60;
export const DESCRIPTION_MAX = 200;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const checkbox = z.preprocess((v) => v === "on" || v === "yes" || v === "true", z.boolean());
/** Missing or repeated form fields read as "" so the messages stay our own keys. */
const posted = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (typeof v === "string" ? v : ""), schema);
const details = {
  nameEn: posted(fields.text(NAME_MAX)),
  nameFil: posted(fields.optionalText(NAME_MAX)),
  descriptionEn: posted(fields.optionalText(DESCRIPTION_MAX)),
  descriptionFil: posted(fields.optionalText(DESCRIPTION_MAX)),
  forQuestions: checkbox,
  staffOnly: checkbox,
};

export const addCategoryForm = z.object({
  slug: posted(z.string().trim().min(3, "forms:slug").max(40, "forms:slug").regex(SLUG, "forms:slug")),
  ...details,
});

export const editCategoryForm = z.object({ categoryId: posted(fields.uuid), ...details });

export type CategoryDetails = Omit<z.infer<typeof editCategoryForm>, "categoryId">;

export type CategoryOutcome =
  | { ok: true }
  | { ok: false; errors: Record<string, string[]> }
  | { ok: false; notFound: true };

/** Every category, archived ones last, for the staff page. */
export async function listAllCategories(staff: CurrentUser): Promise<ForumCategory[]> {
  requireModerator(staff);
  return acrossChurches((tx) =>
    tx
      .select()
      .from(forumCategories)
      .orderBy(sql`${forumCategories.archivedAt} is not null`, asc(forumCategories.position), asc(forumCategories.slug))
  );
}

const summary = (row: ForumCategory) => ({
  slug: row.slug,
  nameEn: row.nameEn,
  nameFil: row.nameFil,
  forQuestions: row.forQuestions,
  staffOnly: row.staffOnly,
  position: row.position,
  archived: row.archivedAt !== null,
});

async function audited(
  tx: Tx,
  staff: CurrentUser,
  meta: RequestMeta,
  action: string,
  before: ForumCategory | null,
  after: ForumCategory
) {
  await recordAudit(
    tx,
    platformAudit(staff, meta, {
      action: `forum.category_${action}`,
      recordType: "forum_category",
      recordId: after.id,
      ...(before ? { before: summary(before) } : {}),
      after: summary(after),
    })
  );
}

export async function addCategory(
  staff: CurrentUser,
  input: CategoryDetails & { slug: string },
  meta: RequestMeta = {}
): Promise<CategoryOutcome> {
  requireModerator(staff);
  try {
    return await acrossChurches(async (tx) => {
      const [last] = await tx
        .select({ max: sql<number>`coalesce(max(${forumCategories.position}), 0)::int` })
        .from(forumCategories);
      const [row] = await tx
        .insert(forumCategories)
        .values({ ...input, position: (last?.max ?? 0) + 1 })
        .returning();
      await audited(tx, staff, meta, "added", null, row!);
      return { ok: true } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { slug: ["forms:taken"] } };
    throw error;
  }
}

/** Change a category: its words, what it is for, its place, or whether it is archived. */
export async function changeCategory(
  staff: CurrentUser,
  categoryId: string,
  change: { details: CategoryDetails } | { move: "up" | "down" } | { archived: boolean },
  meta: RequestMeta = {}
): Promise<CategoryOutcome> {
  requireModerator(staff);
  if (!isUuid(categoryId)) return { ok: false, notFound: true };
  return acrossChurches(async (tx) => {
    const all = await tx
      .select()
      .from(forumCategories)
      .orderBy(asc(forumCategories.position), asc(forumCategories.slug))
      .for("update");
    const at = all.findIndex((row) => row.id === categoryId);
    const before = all[at];
    if (!before) return { ok: false, notFound: true } as const;
    let action: string;
    if ("details" in change) {
      await tx.update(forumCategories).set(change.details).where(eq(forumCategories.id, categoryId));
      action = "changed";
    } else if ("move" in change) {
      const other = all[change.move === "up" ? at - 1 : at + 1];
      if (!other) return { ok: true } as const;
      // Positions may repeat (hand-made rows): renumber the list with the two swapped.
      const order = all.map((row) => row.id);
      order[at] = other.id;
      order[all.indexOf(other)] = before.id;
      for (const [index, id] of order.entries())
        await tx
          .update(forumCategories)
          .set({ position: index + 1 })
          .where(eq(forumCategories.id, id));
      action = "moved";
    } else {
      await tx
        .update(forumCategories)
        .set({ archivedAt: change.archived ? new Date() : null })
        .where(eq(forumCategories.id, categoryId));
      action = change.archived ? "archived" : "unarchived";
    }
    const [after] = await tx.select().from(forumCategories).where(eq(forumCategories.id, categoryId));
    await audited(tx, staff, meta, action, before, after!);
    return { ok: true } as const;
  });
}

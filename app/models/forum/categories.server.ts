import { and, asc, eq, isNull } from "drizzle-orm";
import { forumCategories, type ForumCategory } from "~/db/schema-forum.server";
import { acrossChurches } from "~/db/tenancy.server";

/**
 * The forum's categories (Questions, Ideas, Tips, Announcements…), read in
 * the reader's language. Staff manage them on the moderation pages; here
 * they are only read. Forum tables are platform-wide (no church), so the
 * door is `acrossChurches`.
 */

export interface CategoryView {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  forQuestions: boolean;
  staffOnly: boolean;
}

export function categoryView(row: ForumCategory, locale: string): CategoryView {
  const fil = locale === "fil";
  return {
    id: row.id,
    slug: row.slug,
    name: (fil ? row.nameFil : null) ?? row.nameEn,
    description: (fil ? row.descriptionFil : null) ?? row.descriptionEn,
    forQuestions: row.forQuestions,
    staffOnly: row.staffOnly,
  };
}

/** Open categories in their order; archived ones are gone from lists and forms. */
export async function listCategories(locale: string): Promise<CategoryView[]> {
  const rows = await acrossChurches((tx) =>
    tx.select().from(forumCategories).where(isNull(forumCategories.archivedAt)).orderBy(asc(forumCategories.position))
  );
  return rows.map((row) => categoryView(row, locale));
}

/** One open category by its slug, or null. */
export async function findCategory(slug: string, locale: string): Promise<CategoryView | null> {
  const [row] = await acrossChurches((tx) =>
    tx
      .select()
      .from(forumCategories)
      .where(and(eq(forumCategories.slug, slug), isNull(forumCategories.archivedAt)))
  );
  return row ? categoryView(row, locale) : null;
}

import { and, eq, ne } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { churches, groups, memberImports, members, roles, users } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";

export interface Fixtures {
  graceImportId: string;
  graceUserId: string;
  graceMemberId: string;
  graceRoleId: string;
  graceGroupId: string;
  otherGraceGroupId: string;
}

/** Grace records the matrix points its `:id` placeholders at (see authorization-matrix.ts). */
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
    return {
      graceImportId: upload!.id,
      graceUserId: member!.id,
      graceMemberId: memberRecord!.id, graceRoleId: role!.id, graceGroupId: youth!.id, otherGraceGroupId: other!.id };
  }, database);
}

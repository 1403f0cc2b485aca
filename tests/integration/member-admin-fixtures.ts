import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { auditLog, churches, groupMemberships, groups, households, memberImports, members, users } from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { builtInRoleIds } from "~/models/roles.server";
import { browse, type CookieJar } from "../support/browser";
import type { TestServer } from "../support/server";

/**
 * Database look-ups and HTTP helpers for the member administration tests
 * (admin-members.test.ts, member-import.test.ts): straight to the rows,
 * across churches, as a test would check them.
 */
export function memberFixtures(server: () => TestServer) {
  const across = <T>(work: (tx: Tx) => Promise<T>) => acrossChurches(work, server().database.db);
  const at = (path: string) => `${server().url}${path}`;

  const churchId = (slug: string) =>
    across(async (tx) => (await tx.select({ id: churches.id }).from(churches).where(eq(churches.slug, slug)))[0]!.id);

  return {
    across,
    at,
    churchId,
    /** One current member of Grace matching `where`, without a sign-in account. */
    async graceMember(where: SQL = sql`true`) {
      const grace = await churchId("grace");
      return across(async (tx) => {
        const [row] = await tx
          .select()
          .from(members)
          .where(and(eq(members.churchId, grace), isNull(members.userId), isNull(members.deletedAt), where))
          .orderBy(members.id)
          .limit(1);
        return row!;
      });
    },
    member: (id: string) => across(async (tx) => (await tx.select().from(members).where(eq(members.id, id)))[0]),
    membersWhere: (where: SQL) => across((tx) => tx.select().from(members).where(where)),
    countMembers: (slug: string) =>
      churchId(slug).then((id) =>
        across(async (tx) => (await tx.select({ n: sql<number>`count(*)::int` }).from(members).where(eq(members.churchId, id)))[0]!.n),
      ),
    countHouseholds: (slug: string) =>
      churchId(slug).then((id) =>
        across(async (tx) => (await tx.select({ n: sql<number>`count(*)::int` }).from(households).where(eq(households.churchId, id)))[0]!.n),
      ),
    async addMember(values: Partial<typeof members.$inferInsert> & { givenName: string; familyName: string }, slug = "grace") {
      const church = await churchId(slug);
      return across(async (tx) => (await tx.insert(members).values({ churchId: church, ...values }).returning())[0]!);
    },
    async addHousehold(name: string, slug = "grace") {
      const church = await churchId(slug);
      return across(async (tx) => (await tx.insert(households).values({ churchId: church, name }).returning())[0]!);
    },
    async addUser(email: string, slug = "grace") {
      const church = await churchId(slug);
      return across(async (tx) => {
        const { member } = await builtInRoleIds(tx);
        return (await tx.insert(users).values({ churchId: church, email, displayName: email, roleId: member }).returning())[0]!;
      });
    },
    async setPrivacy(memberId: string, changes: Record<string, string>) {
      await across(async (tx) => {
        const [row] = await tx.select().from(members).where(eq(members.id, memberId));
        await tx
          .update(members)
          .set({ privacy: { ...row!.privacy, ...changes } as NonNullable<typeof row>["privacy"] })
          .where(eq(members.id, memberId));
      });
    },
    update: (memberId: string, values: Partial<typeof members.$inferInsert>) =>
      across((tx) => tx.update(members).set(values).where(eq(members.id, memberId))),
    group: (name: string, slug = "grace") =>
      churchId(slug).then((church) =>
        across(async (tx) => (await tx.select().from(groups).where(and(eq(groups.churchId, church), eq(groups.name, name))))[0]!),
      ),
    join: (groupId: string, memberId: string, role: "leader" | "member" = "member", slug = "grace") =>
      churchId(slug).then((church) => across((tx) => tx.insert(groupMemberships).values({ churchId: church, groupId, memberId, role }))),
    membershipsOf: (memberId: string) => across((tx) => tx.select().from(groupMemberships).where(eq(groupMemberships.memberId, memberId))),
    household: (id: string) => across(async (tx) => (await tx.select().from(households).where(eq(households.id, id)))[0]),
    audit: (action: string, recordId?: string) =>
      across((tx) =>
        tx
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, action), recordId ? eq(auditLog.recordId, recordId) : undefined))
          .orderBy(desc(auditLog.id)),
      ),
    auditOfRecord: (recordId: string) => across((tx) => tx.select().from(auditLog).where(eq(auditLog.recordId, recordId)).orderBy(auditLog.id)),
    uploads: () => across((tx) => tx.select().from(memberImports)),
    /** GET a page as text, entities undone, for plain `toContain` checks. */
    async page(jar: CookieJar, path: string) {
      const response = await browse(jar, at(path));
      return { status: response.status, response, html: decodeEntities(await response.text()) };
    },
  };
}

export function decodeEntities(html: string): string {
  return html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The page's text without tags, whitespace squeezed: what a reader sees. */
export function visibleText(html: string): string {
  return decodeEntities(html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ");
}

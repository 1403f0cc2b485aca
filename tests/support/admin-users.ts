import { and, eq, sql } from "drizzle-orm";
import { auditLog, invitations, users } from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { builtInRoleIds } from "~/models/roles.server";
import type { TestServer } from "./server";

/** Database look-ups for the /admin/users tests: straight to the rows, across churches. */
export function adminUsersFixtures(server: () => TestServer) {
  const across = <T>(work: (tx: Tx) => Promise<T>) => acrossChurches(work, server().database.db);

  const userByEmail = (email: string) =>
    across(
      async (tx) =>
        (
          await tx
            .select()
            .from(users)
            .where(sql`lower(${users.email}) = ${email}`)
        )[0]!
    );

  return {
    across,
    userByEmail,
    roleIds: () => across((tx) => builtInRoleIds(tx)),
    invitationFor: (email: string) =>
      across(async (tx) => (await tx.select().from(invitations).where(eq(invitations.email, email)))[0]),
    auditOf: (action: string, recordId: string) =>
      across((tx) =>
        tx
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, action), eq(auditLog.recordId, recordId)))
      ),
    /** A user who has not signed in yet: their first sign-in with this e-mail links them. */
    async addUser(
      email: string,
      roleId: string,
      options: { churchOf?: string; status?: "active" | "deactivated" } = {}
    ) {
      const church = await userByEmail(options.churchOf ?? "admin@grace.example");
      return across(async (tx) => {
        const [created] = await tx
          .insert(users)
          .values({
            churchId: church.churchId,
            email,
            displayName: email.split("@")[0]!,
            roleId,
            status: options.status ?? "active",
          })
          .returning();
        return created!;
      });
    },
  };
}

/** A page's text with React's entity escapes undone, for plain `toContain` checks. */
export async function pageText(response: Response): Promise<string> {
  return (await response.text())
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The part of a page between two pieces of text (e.g. one section's heading and the next). */
export function between(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  if (from < 0) return "";
  const to = html.indexOf(end, from + start.length);
  return html.slice(from, to < 0 ? undefined : to);
}

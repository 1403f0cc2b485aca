import { asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { churches, groups, invitations, members, roles, users, type Invitation } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { fields, type FieldErrors } from "~/utils/forms";
import { recordAudit } from "./audit.server";
import { sendInvitationMail } from "./invitation-mail.server";
import { INVITATION_DAYS } from "./invitations.server";
import { dateIn } from "./audit-log.server";
import { builtInRoleIds } from "./roles.server";
import type { RequestMeta } from "./users.server";

/**
 * The platform console's view of churches (/platform/churches): the list with
 * their size, and onboarding a new church with its first administrator. This
 * is platform work, so it runs across churches.
 */

/** Offered in the onboarding form; any zone the runtime knows is accepted. */
export const SUGGESTED_TIMEZONES = [
  "Asia/Manila",
  "Asia/Singapore",
  "Asia/Hong_Kong",
  "Asia/Tokyo",
  "Asia/Dubai",
  "Europe/London",
  "America/Los_Angeles",
  "America/New_York",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Pacific/Guam",
] as const;

export const CHURCH_LANGUAGES = ["en", "fil"] as const;

const knownTimezones = new Set(Intl.supportedValuesOf("timeZone"));

export const onboardingSchema = z.object({
  name: fields.text(120),
  slug: z
    .string()
    .trim()
    .min(1, "forms:required")
    .regex(/^[a-z0-9-]{3,40}$/, "forms:slug"),
  timezone: z
    .string()
    .trim()
    .refine((zone) => knownTimezones.has(zone), "forms:choose"),
  defaultLocale: z.enum(CHURCH_LANGUAGES, { message: "forms:choose" }),
  adminEmail: fields.email,
});

export type Onboarding = z.infer<typeof onboardingSchema>;

export interface ChurchSummary {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  defaultLocale: string;
  createdAt: string;
  members: number;
  users: number;
  groups: number;
}

/** Every church with its size, in one query: counts grouped per church, joined once. */
export async function listChurches(): Promise<ChurchSummary[]> {
  return acrossChurches(async (tx) => {
    const memberCounts = tx
      .select({ churchId: members.churchId, count: sql<number>`count(*)::int`.as("member_count") })
      .from(members)
      .where(isNull(members.deletedAt))
      .groupBy(members.churchId)
      .as("member_counts");
    const userCounts = tx
      .select({ churchId: users.churchId, count: sql<number>`count(*)::int`.as("user_count") })
      .from(users)
      .where(eq(users.status, "active"))
      .groupBy(users.churchId)
      .as("user_counts");
    const groupCounts = tx
      .select({ churchId: groups.churchId, count: sql<number>`count(*)::int`.as("group_count") })
      .from(groups)
      .groupBy(groups.churchId)
      .as("group_counts");
    const rows = await tx
      .select({
        church: churches,
        members: sql<number>`coalesce(${memberCounts.count}, 0)`,
        users: sql<number>`coalesce(${userCounts.count}, 0)`,
        groups: sql<number>`coalesce(${groupCounts.count}, 0)`,
      })
      .from(churches)
      .leftJoin(memberCounts, eq(memberCounts.churchId, churches.id))
      .leftJoin(userCounts, eq(userCounts.churchId, churches.id))
      .leftJoin(groupCounts, eq(groupCounts.churchId, churches.id))
      .orderBy(asc(churches.name));
    return rows.map(({ church, ...counts }) => ({
      id: church.id,
      slug: church.slug,
      name: church.name,
      timezone: church.timezone,
      defaultLocale: church.defaultLocale,
      createdAt: church.createdAt.toISOString(),
      members: Number(counts.members),
      users: Number(counts.users),
      groups: Number(counts.groups),
    }));
  });
}

type Refused = { ok: false; errors: FieldErrors };
type Created = { ok: true; church: { id: string; slug: string; name: string }; invitation: Invitation };

/** `mailSent` false: the invitation e-mail could not be sent (logged; the invitation stands). */
export type OnboardingOutcome = Refused | (Created & { mailSent: boolean });

/**
 * Create a church and invite its first administrator, in one transaction,
 * audited in the platform's chain and in the new church's own. The
 * invitation is the same row, with the same audit entry, that inviteUser
 * writes; its e-mail goes out after the commit, as inviteUser's does.
 */
export async function onboardChurch(
  actor: { id: string; displayName: string },
  input: Onboarding,
  meta: RequestMeta = {},
): Promise<OnboardingOutcome> {
  const outcome = await createChurch(actor, input, meta);
  if (!outcome.ok) return outcome;
  const mailSent = await sendInvitationMail({
    invitationId: outcome.invitation.id,
    email: outcome.invitation.email,
    churchName: outcome.church.name,
    inviterName: actor.displayName,
    expiresOn: dateIn(input.timezone, outcome.invitation.expiresAt),
    days: INVITATION_DAYS,
  });
  return { ...outcome, mailSent };
}

async function createChurch(actor: { id: string }, input: Onboarding, meta: RequestMeta): Promise<Created | Refused> {
  try {
    return await acrossChurches(async (tx): Promise<Created | Refused> => {
      const [taken] = await tx.select({ id: churches.id }).from(churches).where(eq(churches.slug, input.slug));
      if (taken) return { ok: false, errors: { slug: ["forms:taken"] } };
      // E-mails are unique across Kapatiran: an existing account would sign in to its own church.
      const [account] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.adminEmail}`);
      if (account) return { ok: false, errors: { adminEmail: ["platform:errors.emailInUse"] } };

      const [church] = await tx
        .insert(churches)
        .values({ slug: input.slug, name: input.name, timezone: input.timezone, defaultLocale: input.defaultLocale })
        .returning();
      const roleId = (await builtInRoleIds(tx)).church_admin;
      const [role] = await tx.select({ name: roles.name }).from(roles).where(eq(roles.id, roleId));
      const [invitation] = await tx
        .insert(invitations)
        .values({
          churchId: church!.id,
          email: input.adminEmail,
          roleId,
          invitedBy: actor.id,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60_000),
        })
        .returning();

      const onboarded = {
        slug: church!.slug,
        name: church!.name,
        timezone: church!.timezone,
        defaultLocale: church!.defaultLocale,
        adminEmail: input.adminEmail,
      };
      const common = { actorUserId: actor.id, recordType: "church", recordId: church!.id, after: onboarded, ...meta };
      await recordAudit(tx, { ...common, churchId: null, action: "church.onboarded" });
      await recordAudit(tx, { ...common, churchId: church!.id, action: "church.onboarded" });
      await recordAudit(tx, {
        churchId: church!.id,
        actorUserId: actor.id,
        action: "invitation.created",
        recordType: "invitation",
        recordId: invitation!.id,
        after: { email: input.adminEmail, roleId, role: role!.name, expiresAt: invitation!.expiresAt.toISOString() },
        ...meta,
      });
      return { ok: true, church: { id: church!.id, slug: church!.slug, name: church!.name }, invitation: invitation! };
    });
  } catch (error) {
    // Two operators onboarding the same slug at once: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, errors: { slug: ["forms:taken"] } };
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { groupMemberships, members, PRIVACY_LEVELS, PRIVATE_FIELDS, type PrivacyChoices } from "~/db/schema.server";
import { withChurch } from "~/db/tenancy.server";
import type { MemberRecord } from "~/privacy/policy";
import { fields } from "~/utils/forms";
import { recordAudit } from "./audit.server";
import type { CurrentUser, RequestMeta } from "./users.server";

/** The member record behind a signed-in user, with their groups: what /me and /me/privacy edit. */
export async function myMemberRecord(user: CurrentUser): Promise<(MemberRecord & { householdId: string | null }) | null> {
  if (!user.churchId) return null;
  return withChurch(user.churchId, async (tx) => {
    const [row] = await tx
      .select()
      .from(members)
      .where(and(eq(members.userId, user.id), isNull(members.deletedAt)));
    if (!row) return null;
    const memberships = await tx
      .select({ groupId: groupMemberships.groupId })
      .from(groupMemberships)
      .where(eq(groupMemberships.memberId, row.id));
    return { ...row, groupIds: memberships.map((m) => m.groupId) };
  });
}

const optionalPhone = z
  .string()
  .trim()
  .max(30, "forms:tooLong")
  .refine((v) => v === "" || /^\+?[0-9][0-9 ()-]{5,24}[0-9]$/.test(v), "me:errors.phone")
  .transform((v) => v || null);

const optionalEmail = z
  .string()
  .trim()
  .max(254, "forms:tooLong")
  .refine((v) => v === "" || z.string().email().safeParse(v).success, "forms:email")
  .transform((v) => (v ? v.toLowerCase() : null));

const optionalBirthday = z
  .string()
  .trim()
  .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), "forms:date")
  .refine((v) => v === "" || (v >= "1900-01-01" && Date.parse(v) <= Date.now()), "me:errors.birthday")
  .transform((v) => v || null);

export const profileSchema = z.object({
  givenName: fields.text(100),
  familyName: fields.text(100),
  phone: optionalPhone,
  email: optionalEmail,
  address: fields.optionalText(300),
  birthday: optionalBirthday,
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const privacySchema = z.object({
  ...(Object.fromEntries(PRIVATE_FIELDS.map((field) => [field, z.enum(PRIVACY_LEVELS, { message: "forms:choose" })])) as Record<
    keyof PrivacyChoices,
    z.ZodEnum<[...typeof PRIVACY_LEVELS]>
  >),
  // An unchecked checkbox sends nothing.
  listed: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});
export type PrivacyInput = z.infer<typeof privacySchema>;

/** Save what the member changed, and audit exactly those fields (before → after). */
export async function updateMyProfile(user: CurrentUser, input: ProfileInput, meta: RequestMeta = {}) {
  return updateOwnMember(user, "member.profile_updated", input, meta);
}

export async function updateMyPrivacy(user: CurrentUser, input: PrivacyInput, meta: RequestMeta = {}) {
  const { listed, ...levels } = input;
  return updateOwnMember(user, "member.privacy_updated", { privacy: levels as PrivacyChoices, listed }, meta);
}

async function updateOwnMember(
  user: CurrentUser,
  action: string,
  changes: Partial<typeof members.$inferInsert>,
  meta: RequestMeta,
): Promise<boolean> {
  if (!user.churchId) return false;
  const churchId = user.churchId;
  return withChurch(churchId, async (tx) => {
    const [row] = await tx
      .select()
      .from(members)
      .where(and(eq(members.userId, user.id), isNull(members.deletedAt)));
    if (!row) return false;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(changes)) {
      const old = row[key as keyof typeof row];
      if (JSON.stringify(old) !== JSON.stringify(value)) {
        before[key] = old;
        after[key] = value;
      }
    }
    if (Object.keys(after).length === 0) return true;
    await tx.update(members).set({ ...changes, updatedAt: new Date() }).where(eq(members.id, row.id));
    await recordAudit(tx, {
      churchId,
      actorUserId: user.id,
      action,
      recordType: "member",
      recordId: row.id,
      before,
      after,
      ...meta,
    });
    return true;
  });
}

import i18next, { type TFunction } from "i18next";
import { and, asc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import {
  auditLog,
  churches,
  consentRecords,
  groupMemberships,
  groups,
  helpArticles,
  helpFeedback,
  households,
  invitations,
  members,
  roles,
  supportTickets,
  ticketMessages,
  users,
  type AuditEntry,
} from "~/db/schema.server";
import { sessionStore } from "~/auth/session.server";
import { acrossChurches, withChurch, type Tx } from "~/db/tenancy.server";
import { normalizeLocale, type Locale } from "~/i18n/config";
import { resources } from "~/locales";
import { isListedFor, visibleMember, type Viewer } from "~/privacy/policy";
import { recordAudit } from "./audit.server";
import { forumDataOf } from "./forum/my-forum-data.server";
import { RECORD, withGroupIds } from "./member-records.server";
import { PHOTO_SIZES } from "./photo-images.server";
import {
  EXPORT_FORMAT,
  SECTIONS,
  type DownloadFormat,
  type ExportedAuditEntry,
  type MyData,
  type Section,
  type When,
} from "./my-data-shape";
import type { CurrentUser, RequestMeta } from "./users.server";

/**
 * "Download my data" (/me/data): everything Kapatiran holds about the
 * signed-in person, gathered for them and nobody else. Two reads, never
 * nested: the church's rows in one church transaction (member record,
 * household, groups, tickets, the church's audit entries — and the audit
 * entry of this very download), and the platform's rows across churches
 * (account, sessions, consent, help feedback, other audit chains).
 *
 * Other people appear only as the privacy policy lets this person see them:
 * household members by name (and only if listed for them), other actors in
 * the audit trail as "someone else", never by id.
 */

const iso = (value: Date | null | undefined): When => (value ? value.toISOString() : null);

/**
 * Gather the export and audit the download (`data.exported`), in the church's
 * chain for a church member and in the platform's for platform staff. An
 * export includes the entries of earlier downloads, not this one.
 */
export async function gatherMyData(
  user: CurrentUser,
  options: { format: DownloadFormat; locale?: string | null; meta?: RequestMeta }
): Promise<MyData> {
  const exportedAt = new Date();
  const audit = {
    churchId: user.churchId,
    actorUserId: user.id,
    action: "data.exported",
    recordType: "user",
    recordId: user.id,
    after: { format: options.format },
    ...options.meta,
  };
  const church = user.churchId
    ? await withChurch(user.churchId, async (tx) => {
        const found = await churchPart(tx, user);
        await recordAudit(tx, audit);
        return found;
      })
    : null;
  const platform = await acrossChurches(async (tx) => {
    const found = await platformPart(tx, user, church?.ownRecords);
    if (!user.churchId) await recordAudit(tx, audit);
    return found;
  });
  // From wherever sessions live (PostgreSQL or Redis), and never a token or its
  // hash: that is the key to the session, not data about the person.
  const liveSessions = await sessionStore().listForUser(user.id);
  const t = await translator(options.locale);
  return {
    format: EXPORT_FORMAT,
    exportedAt: exportedAt.toISOString(),
    about: Object.fromEntries(SECTIONS.map((section) => [section, t(`about.${section}`)])) as Record<Section, string>,
    account: platform.account,
    member: church?.member ?? [],
    household: church?.household ?? null,
    groups: church?.groups ?? [],
    privacy: church?.privacy ?? null,
    photo: church?.photo ?? { stored: false, storageKeys: [] },
    consentRecords: platform.consentRecords,
    sessions: liveSessions.map((session) => ({
      createdAt: iso(session.createdAt),
      lastSeenAt: iso(session.lastSeenAt),
      expiresAt: iso(session.expiresAt),
      userAgent: session.userAgent,
      ipAddress: session.ipAddress,
    })),
    invitations: church?.invitations ?? [],
    supportTickets: church?.supportTickets ?? [],
    helpFeedback: platform.helpFeedback,
    auditEntries: [...(church?.auditEntries ?? []), ...platform.auditEntries].sort((a, b) =>
      (a.at ?? "").localeCompare(b.at ?? "")
    ),
    forumPosts: platform.forum.posts,
    forumActivity: platform.forum.activity,
  };
}

/** Which records count as this person's own, for the audit trail. */
interface OwnRecords {
  user: string;
  member: string[];
  support_ticket: string[];
}

async function churchPart(tx: Tx, user: CurrentUser) {
  const churchId = user.churchId!;
  const memberRows = await tx.select().from(members).where(eq(members.userId, user.id)).orderBy(asc(members.createdAt));
  const memberIds = memberRows.map((row) => row.id);
  // The live record is the one the member sees on /me; a removed one is still data held.
  const current = memberRows.find((row) => row.deletedAt === null) ?? memberRows[0] ?? null;

  const memberships = memberIds.length
    ? await tx
        .select({
          groupId: groups.id,
          name: groups.name,
          role: groupMemberships.role,
          since: groupMemberships.createdAt,
        })
        .from(groupMemberships)
        .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
        .where(inArray(groupMemberships.memberId, memberIds))
        .orderBy(asc(groups.name))
    : [];
  const viewer: Viewer = {
    id: user.id,
    churchId,
    permissions: user.permissions,
    ledGroupIds: memberships.filter((m) => m.role === "leader").map((m) => m.groupId),
  };

  const household = current?.householdId ? await householdAsSeenBy(tx, viewer, current.householdId, current.id) : null;

  const tickets = await tx
    .select()
    .from(supportTickets)
    .where(eq(supportTickets.requesterId, user.id))
    .orderBy(asc(supportTickets.createdAt));
  const ticketIds = tickets.map((ticket) => ticket.id);
  const messages = ticketIds.length
    ? await tx
        .select()
        .from(ticketMessages)
        .where(inArray(ticketMessages.ticketId, ticketIds))
        .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id))
    : [];

  const accepted = await tx
    .select()
    .from(invitations)
    .where(eq(invitations.acceptedBy, user.id))
    .orderBy(asc(invitations.createdAt));

  const ownRecords: OwnRecords = { user: user.id, member: memberIds, support_ticket: ticketIds };
  const entries = await tx
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.churchId, churchId), aboutOrBy(ownRecords)))
    .orderBy(asc(auditLog.id));

  return {
    ownRecords,
    member: memberRows.map((row) => ({
      id: row.id,
      givenName: row.givenName,
      familyName: row.familyName,
      email: row.email,
      phone: row.phone,
      address: row.address,
      birthday: row.birthday,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
      removedAt: iso(row.deletedAt),
    })),
    household,
    groups: memberships.map((m) => ({ name: m.name, role: m.role, since: iso(m.since) })),
    privacy: current ? { choices: current.privacy, listedInDirectory: current.listed } : null,
    photo: {
      stored: Boolean(current?.photoKey),
      // The stored files (photos.server.ts): the image itself is not embedded.
      storageKeys: current?.photoKey ? PHOTO_SIZES.map((size) => `${current.photoKey}-${size}.webp`) : [],
    },
    invitations: accepted.map((row) => ({
      email: row.email,
      invitedAt: iso(row.createdAt),
      expiresAt: iso(row.expiresAt),
      acceptedAt: iso(row.acceptedAt),
    })),
    supportTickets: tickets.map((ticket) => ({
      id: ticket.id,
      subject: ticket.subject,
      status: ticket.status,
      priority: ticket.priority,
      screenshotStored: ticket.screenshotKey !== null,
      createdAt: iso(ticket.createdAt),
      updatedAt: iso(ticket.updatedAt),
      messages: messages
        .filter((message) => message.ticketId === ticket.id)
        .map((message) => ({
          from: message.fromStaff ? ("support" as const) : ("you" as const),
          body: message.body,
          createdAt: iso(message.createdAt),
        })),
    })),
    auditEntries: entries.map((entry) => exportedEntry(entry, user.id, ownRecords)),
  };
}

/**
 * The household's name and the other members' names exactly as the privacy
 * policy shows them to this person (listed for them, name visible): no other
 * field of anyone else, ever.
 */
async function householdAsSeenBy(tx: Tx, viewer: Viewer, householdId: string, ownMemberId: string) {
  const [home] = await tx.select({ name: households.name }).from(households).where(eq(households.id, householdId));
  if (!home) return null;
  const rows = await tx
    .select(RECORD)
    .from(members)
    .where(and(eq(members.householdId, householdId), isNull(members.deletedAt), ne(members.id, ownMemberId)))
    .orderBy(asc(members.givenName), asc(members.id));
  const others = (await withGroupIds(tx, rows))
    .filter((record) => isListedFor(viewer, record))
    .map((record) => visibleMember(viewer, record).name)
    .filter((name): name is string => Boolean(name))
    .map((name) => ({ name }));
  return { name: home.name, otherMembers: others };
}

async function platformPart(tx: Tx, user: CurrentUser, churchRecords: OwnRecords | undefined) {
  const [account] = await tx
    .select({ user: users, roleName: roles.name, churchName: churches.name })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .leftJoin(churches, eq(churches.id, users.churchId))
    .where(eq(users.id, user.id));
  const consents = await tx
    .select()
    .from(consentRecords)
    .where(eq(consentRecords.userId, user.id))
    .orderBy(asc(consentRecords.createdAt));
  const feedback = await tx
    .select({ entry: helpFeedback, slug: helpArticles.slug, locale: helpArticles.locale })
    .from(helpFeedback)
    .leftJoin(helpArticles, eq(helpArticles.id, helpFeedback.articleId))
    .where(eq(helpFeedback.userId, user.id))
    .orderBy(asc(helpFeedback.createdAt));
  // The platform's chain, and any other church's chain (platform staff act in
  // churches' tickets); the person's own church chain was read in its transaction.
  const ownRecords = churchRecords ?? { user: user.id, member: [], support_ticket: [] };
  const elsewhere = user.churchId ? or(isNull(auditLog.churchId), ne(auditLog.churchId, user.churchId)) : undefined;
  const entries = await tx
    .select()
    .from(auditLog)
    .where(and(elsewhere, aboutOrBy(ownRecords)))
    .orderBy(asc(auditLog.id));
  // The forum is platform-wide (no row-level security): read here, across churches.
  const forum = await forumDataOf(tx, user.id);

  return {
    account: account
      ? {
          id: account.user.id,
          email: account.user.email,
          displayName: account.user.displayName,
          role: account.roleName,
          status: account.user.status,
          locale: account.user.locale,
          church: account.churchName,
          cognitoSub: account.user.cognitoSub,
          googleId: account.user.googleId,
          lastSignInAt: iso(account.user.lastSignInAt),
          createdAt: iso(account.user.createdAt),
          updatedAt: iso(account.user.updatedAt),
        }
      : null,
    consentRecords: consents.map((row) => ({
      consentId: row.consentId,
      policyVersion: row.policyVersion,
      categories: row.categories,
      source: row.source,
      userAgent: row.userAgent,
      addressHash: row.addressHash,
      createdAt: iso(row.createdAt),
    })),
    helpFeedback: feedback.map(({ entry, slug, locale }) => ({
      article: slug,
      language: locale,
      helpful: entry.helpful,
      comment: entry.comment,
      createdAt: iso(entry.createdAt),
    })),
    auditEntries: entries.map((entry) => exportedEntry(entry, user.id, ownRecords)),
    forum,
  };
}

/** Entries this person made, or about one of their own records. */
function aboutOrBy(own: OwnRecords): SQL {
  const about = (type: keyof OwnRecords, ids: string[]) =>
    ids.length ? and(eq(auditLog.recordType, type), inArray(auditLog.recordId, ids)) : undefined;
  return (
    or(
      eq(auditLog.actorUserId, own.user),
      about("user", [own.user]),
      about("member", own.member),
      about("support_ticket", own.support_ticket)
    ) ?? sql`false`
  );
}

/**
 * One audit entry as this person may have it: what happened to their own
 * records in full; of what they did to others' records only the act itself
 * (the details are other people's data); other actors never by id.
 */
function exportedEntry(entry: AuditEntry, userId: string, own: OwnRecords): ExportedAuditEntry {
  const ids = (own as unknown as Record<string, string[] | string>)[entry.recordType];
  const isOwn = entry.recordId !== null && (Array.isArray(ids) ? ids.includes(entry.recordId) : ids === entry.recordId);
  const byYou = entry.actorUserId === userId;
  return {
    at: iso(entry.createdAt),
    action: entry.action,
    recordType: entry.recordType,
    recordId: isOwn ? entry.recordId : null,
    by: byYou ? "you" : entry.actorUserId === null ? "the system" : "someone else",
    before: isOwn ? entry.before : null,
    after: isOwn ? entry.after : null,
    ipAddress: byYou ? entry.ipAddress : null,
  };
}

let translators: Promise<Record<Locale, TFunction>> | undefined;

/** The export's own words (the `about` texts, the zip's README), in the reader's language. */
export async function translator(locale: string | null | undefined): Promise<TFunction> {
  translators ??= (async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources, fallbackLng: "en", interpolation: { escapeValue: false } });
    return { en: instance.getFixedT("en", "myData"), fil: instance.getFixedT("fil", "myData") };
  })();
  return (await translators)[normalizeLocale(locale) ?? "en"];
}

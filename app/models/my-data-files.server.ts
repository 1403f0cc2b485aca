import { strToU8, zipSync } from "fflate";
import { dateIn } from "./audit-log.server";
import { csvDocument } from "./csv.server";
import type { MyData } from "./my-data-shape";
import { translator } from "./my-data.server";

/**
 * The two shapes of "download my data": one JSON document, or a zip of CSV
 * files (one per section, for a spreadsheet) with a README. CSV goes through
 * the project's writer, which defuses formulas a person could have typed
 * into their own details (csv.server.ts).
 */

// The Philippines' date: a download at 7 in the morning is today's, not UTC's yesterday.
const fileDate = (data: MyData) => dateIn("Asia/Manila", new Date(data.exportedAt));

export function myDataJson(data: MyData): { body: string; filename: string } {
  return { body: `${JSON.stringify(data, null, 2)}\n`, filename: `kapatiran-data-${fileDate(data)}.json` };
}

const text = (value: unknown): string =>
  value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
const yesNo = (value: boolean) => (value ? "yes" : "no");

/** Each CSV of the bundle: a header row, then the section's rows. */
export function myDataCsvFiles(data: MyData): Record<string, string> {
  const a = data.account;
  const photoKeys = data.photo.storageKeys.join("; ");
  return {
    "account.csv": csvDocument([
      [
        "id",
        "email",
        "display_name",
        "role",
        "status",
        "language",
        "church",
        "cognito_sub",
        "google_id",
        "last_sign_in_at",
        "created_at",
        "updated_at",
      ],
      ...(a
        ? [
            [
              a.id,
              a.email,
              a.displayName,
              a.role,
              a.status,
              a.locale,
              text(a.church),
              text(a.cognitoSub),
              text(a.googleId),
              text(a.lastSignInAt),
              text(a.createdAt),
              text(a.updatedAt),
            ],
          ]
        : []),
    ]),
    "member.csv": csvDocument([
      [
        "id",
        "given_name",
        "family_name",
        "email",
        "phone",
        "address",
        "birthday",
        "privacy_name",
        "privacy_photo",
        "privacy_phone",
        "privacy_email",
        "privacy_address",
        "privacy_birthday",
        "listed_in_directory",
        "photo_stored",
        "photo_storage_keys",
        "created_at",
        "updated_at",
        "removed_at",
      ],
      ...data.member.map((m) => {
        const p = data.privacy?.choices;
        return [
          m.id,
          m.givenName,
          m.familyName,
          text(m.email),
          text(m.phone),
          text(m.address),
          text(m.birthday),
          text(p?.name),
          text(p?.photo),
          text(p?.phone),
          text(p?.email),
          text(p?.address),
          text(p?.birthday),
          data.privacy ? yesNo(data.privacy.listedInDirectory) : "",
          yesNo(data.photo.stored),
          photoKeys,
          text(m.createdAt),
          text(m.updatedAt),
          text(m.removedAt),
        ];
      }),
    ]),
    "household.csv": csvDocument([
      ["household", "other_member"],
      ...(data.household
        ? data.household.otherMembers.length
          ? data.household.otherMembers.map((other) => [data.household!.name, other.name])
          : [[data.household.name, ""]]
        : []),
    ]),
    "groups.csv": csvDocument([["group", "role", "since"], ...data.groups.map((g) => [g.name, g.role, text(g.since)])]),
    "consent.csv": csvDocument([
      ["consent_id", "policy_version", "categories", "source", "user_agent", "address_hash", "created_at"],
      ...data.consentRecords.map((c) => [
        c.consentId,
        String(c.policyVersion),
        text(c.categories),
        c.source,
        text(c.userAgent),
        text(c.addressHash),
        text(c.createdAt),
      ]),
    ]),
    "sessions.csv": csvDocument([
      ["created_at", "last_seen_at", "expires_at", "user_agent", "ip_address"],
      ...data.sessions.map((s) => [
        text(s.createdAt),
        text(s.lastSeenAt),
        text(s.expiresAt),
        text(s.userAgent),
        text(s.ipAddress),
      ]),
    ]),
    "invitations.csv": csvDocument([
      ["email", "invited_at", "expires_at", "accepted_at"],
      ...data.invitations.map((i) => [i.email, text(i.invitedAt), text(i.expiresAt), text(i.acceptedAt)]),
    ]),
    "tickets.csv": csvDocument([
      ["id", "subject", "status", "priority", "screenshot_stored", "created_at", "updated_at"],
      ...data.supportTickets.map((t) => [
        t.id,
        t.subject,
        t.status,
        yesNo(t.priority),
        yesNo(t.screenshotStored),
        text(t.createdAt),
        text(t.updatedAt),
      ]),
    ]),
    "ticket-messages.csv": csvDocument([
      ["ticket_id", "from", "message", "created_at"],
      ...data.supportTickets.flatMap((t) => t.messages.map((m) => [t.id, m.from, m.body, text(m.createdAt)])),
    ]),
    "help-feedback.csv": csvDocument([
      ["article", "language", "helpful", "comment", "created_at"],
      ...data.helpFeedback.map((f) => [
        text(f.article),
        text(f.language),
        yesNo(f.helpful),
        text(f.comment),
        text(f.createdAt),
      ]),
    ]),
    "forum-posts.csv": csvDocument([
      ["id", "topic_id", "topic_title", "started_topic", "state", "moderation_reason", "body", "created_at", "edited_at"],
      ...data.forumPosts.map((p) => [
        p.id,
        p.topicId,
        p.topicTitle,
        yesNo(p.startedTopic),
        p.state,
        text(p.moderationReason),
        p.body,
        p.createdAt,
        text(p.editedAt),
      ]),
    ]),
    "forum-profile.csv": csvDocument([
      ["display_name", "show_church", "church_name", "approved_posts"],
      ...(data.forumActivity.profile
        ? [[data.forumActivity.profile.displayName, yesNo(data.forumActivity.profile.showChurch), text(data.forumActivity.profile.churchName), String(data.forumActivity.profile.approvedPosts)]]
        : []),
    ]),
    "forum-flags.csv": csvDocument([
      ["post_id", "reason", "created_at", "resolution"],
      ...data.forumActivity.flags.map((f) => [f.postId, f.reason, f.createdAt, text(f.resolution)]),
    ]),
    "forum-subscriptions.csv": csvDocument([
      ["topic_id", "topic_title", "since"],
      ...data.forumActivity.subscriptions.map((s) => [s.topicId, s.topicTitle, s.since]),
    ]),
    "audit.csv": csvDocument([
      ["at", "action", "record_type", "record_id", "by", "ip_address", "before", "after"],
      ...data.auditEntries.map((e) => [
        text(e.at),
        e.action,
        e.recordType,
        text(e.recordId),
        e.by,
        text(e.ipAddress),
        text(e.before),
        text(e.after),
      ]),
    ]),
  };
}

/** The zip: the CSV files and a README saying what each holds, in the reader's language. */
export async function myDataZip(
  data: MyData,
  locale: string | null | undefined
): Promise<{ body: Uint8Array; filename: string }> {
  const t = await translator(locale);
  const files = myDataCsvFiles(data);
  const readme = [
    t("readme.title"),
    t("readme.exportedAt", { at: data.exportedAt, format: data.format }),
    "",
    ...Object.keys(files).map(
      (name) => `${name}: ${t(`readme.files.${name.replace(/\.csv$/, "").replace("-", "_")}`)}`
    ),
    "",
    t("readme.forum"),
    t("readme.json"),
    "",
  ].join("\r\n");
  const entries: Record<string, Uint8Array> = { "README.txt": strToU8(readme) };
  for (const [name, content] of Object.entries(files)) entries[name] = strToU8(content);
  return { body: zipSync(entries, { level: 6 }), filename: `kapatiran-data-${fileDate(data)}.zip` };
}

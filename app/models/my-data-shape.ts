import type { PrivacyChoices } from "~/db/schema.server";
import type { ExportedForumActivity, ExportedForumPost } from "./forum/my-forum-data.server";

/**
 * What "Download my data" contains (my-data.server.ts gathers it,
 * my-data-files.server.ts writes the CSV zip): one section per kind of
 * record, each described to the reader in their language.
 */

export const EXPORT_FORMAT = "kapatiran-export/1";
export type DownloadFormat = "json" | "zip";

export const SECTIONS = [
  "account",
  "member",
  "household",
  "groups",
  "privacy",
  "photo",
  "consentRecords",
  "sessions",
  "invitations",
  "supportTickets",
  "helpFeedback",
  "auditEntries",
  "forumPosts",
  "forumActivity",
] as const;
export type Section = (typeof SECTIONS)[number];

export type When = string | null;

export interface MyData {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  /** What each section holds, in the reader's language. */
  about: Record<Section, string>;
  account: {
    id: string;
    email: string;
    displayName: string;
    role: string;
    status: string;
    locale: string;
    church: string | null;
    cognitoSub: string | null;
    googleId: string | null;
    lastSignInAt: When;
    createdAt: When;
    updatedAt: When;
  } | null;
  /** The member record(s) linked to the account: every field, the hidden ones included. */
  member: {
    id: string;
    givenName: string;
    familyName: string;
    email: string | null;
    phone: string | null;
    address: string | null;
    birthday: string | null;
    createdAt: When;
    updatedAt: When;
    removedAt: When;
  }[];
  household: { name: string; otherMembers: { name: string }[] } | null;
  groups: { name: string; role: string; since: When }[];
  privacy: { choices: PrivacyChoices; listedInDirectory: boolean } | null;
  photo: { stored: boolean; storageKeys: string[] };
  consentRecords: {
    consentId: string;
    policyVersion: number;
    categories: Record<string, boolean>;
    source: string;
    userAgent: string | null;
    addressHash: string | null;
    createdAt: When;
  }[];
  sessions: {
    createdAt: When;
    lastSeenAt: When;
    expiresAt: When;
    userAgent: string | null;
    ipAddress: string | null;
  }[];
  invitations: { email: string; invitedAt: When; expiresAt: When; acceptedAt: When }[];
  supportTickets: {
    id: string;
    subject: string;
    status: string;
    priority: boolean;
    screenshotStored: boolean;
    createdAt: When;
    updatedAt: When;
    messages: { from: "you" | "support"; body: string; createdAt: When }[];
  }[];
  helpFeedback: {
    article: string | null;
    language: string | null;
    helpful: boolean;
    comment: string | null;
    createdAt: When;
  }[];
  auditEntries: ExportedAuditEntry[];
  /** Every forum post they wrote, in any state, with the moderators' reason (forum/my-forum-data.server.ts). */
  forumPosts: ExportedForumPost[];
  /** How the forum shows them, the flags they raised and the topics they follow. */
  forumActivity: ExportedForumActivity;
}

export interface ExportedAuditEntry {
  at: When;
  action: string;
  recordType: string;
  /** Set only when the record is this person's own (their account, member record or ticket). */
  recordId: string | null;
  by: "you" | "someone else" | "the system";
  /** The details of the change, only when the record is this person's own. */
  before: unknown;
  after: unknown;
  /** The address the change came from, only when this person made it. */
  ipAddress: string | null;
}

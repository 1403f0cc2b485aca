import crypto from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { auditLog, groupMemberships, households, members } from "~/db/schema.server";
import { withChurch, type Tx } from "~/db/tenancy.server";
import { visibleFields, type Viewer } from "~/privacy/policy";
import { recordAudit } from "../audit.server";
import { isUuid } from "../roles.server";
import type { RequestMeta } from "../users.server";
import { planImport, type PlannedRow } from "./plan.server";
import type { FileRefusal } from "./parse.server";
import { deleteUpload, uploadIn } from "./uploads.server";

/**
 * The import itself: every row in one transaction, so a failure anywhere
 * leaves the church as it was. New members go in 500 to an INSERT (a
 * 2,000-row file is a handful of statements, even on PGlite); one audit
 * entry records the counts, and the uploaded file is deleted with it.
 */

export interface ImportChoices {
  /** A row that is an existing member: leave them be, or fill their empty fields. */
  duplicates: "skip" | "merge";
  /** Import the valid rows of a file that has invalid ones (otherwise nothing is imported). */
  skipInvalid: boolean;
}

export interface ImportCounts {
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  duplicatesSkipped: number;
  invalidSkipped: number;
  householdsCreated: number;
  duplicates: ImportChoices["duplicates"];
  /** Numbers of the rows left out because they were invalid. */
  skippedRows: number[];
}

export type ImportOutcome =
  | { ok: true; counts: ImportCounts }
  | { ok: false; reason: "notFound" | "invalid" | "unmapped" | FileRefusal };

const BATCH = 500;
const FILLABLE = ["email", "phone", "address", "birthday"] as const;

export async function importMembers(
  viewer: Viewer & { churchId: string },
  importId: string,
  choices: ImportChoices,
  meta: RequestMeta = {},
): Promise<ImportOutcome> {
  const churchId = viewer.churchId;
  return withChurch(churchId, async (tx): Promise<ImportOutcome> => {
    const upload = await uploadIn(tx, importId, { lock: true });
    if (!upload) return { ok: false, reason: "notFound" };
    const planned = await planImport(tx, viewer, upload);
    if (!planned.ok) return planned;
    const { plan } = planned;
    const invalid = plan.rows.filter((row) => row.problems.length > 0);
    if (invalid.length > 0 && !choices.skipInvalid) return { ok: false, reason: "invalid" };

    const valid = plan.rows.filter((row) => row.problems.length === 0);
    const fresh = valid.filter((row) => !row.duplicate);
    const duplicates = valid.filter((row) => row.duplicate);
    const merging = choices.duplicates === "merge" ? duplicates : [];

    // An existing member keeps the household they have; only those without one take the file's.
    const needHousehold = [...fresh, ...merging.filter((row) => !row.duplicate!.member.householdId)];
    const householdOf = await householdsFor(tx, churchId, needHousehold, plan.householdIds);
    const memberships: (typeof groupMemberships.$inferInsert)[] = [];

    const newMembers = fresh.map((row) => {
      const id = crypto.randomUUID();
      for (const groupId of row.member.groupIds) memberships.push({ churchId, groupId, memberId: id });
      const { givenName, familyName, email, phone, address, birthday } = row.member;
      return { id, churchId, householdId: householdOf.idOf(row), givenName, familyName, email, phone, address, birthday };
    });
    for (let start = 0; start < newMembers.length; start += BATCH) {
      await tx.insert(members).values(newMembers.slice(start, start + BATCH));
    }

    let updated = 0;
    const groupsOf = await groupsOfMembers(tx, merging.map((row) => row.duplicate!.member.id));
    for (const row of merging) {
      const memberId = row.duplicate!.member.id;
      const joined = groupsOf.get(memberId) ?? new Set<string>();
      const newGroups = row.member.groupIds.filter((groupId) => !joined.has(groupId));
      for (const groupId of newGroups) {
        memberships.push({ churchId, groupId, memberId });
        joined.add(groupId);
      }
      groupsOf.set(memberId, joined);
      const filled = await fillEmptyFields(tx, viewer, row, householdOf.idOf(row));
      if (filled || newGroups.length > 0) updated += 1;
    }
    for (let start = 0; start < memberships.length; start += BATCH) {
      await tx
        .insert(groupMemberships)
        .values(memberships.slice(start, start + BATCH))
        .onConflictDoNothing();
    }

    const counts: ImportCounts = {
      fileName: upload.fileName,
      rows: plan.rows.length,
      created: newMembers.length,
      updated,
      duplicatesSkipped: duplicates.length - updated,
      invalidSkipped: invalid.length,
      householdsCreated: householdOf.created,
      duplicates: choices.duplicates,
      skippedRows: invalid.map((row) => row.row),
    };
    await recordAudit(tx, {
      churchId,
      actorUserId: viewer.id,
      action: "members.imported",
      recordType: "member_import",
      recordId: importId,
      after: { ...counts },
      ...meta,
    });
    await deleteUpload(tx, importId);
    return { ok: true, counts };
  });
}

/** Households by name: the one existing household of that name, or one new household per name in the file. */
async function householdsFor(tx: Tx, churchId: string, rows: PlannedRow[], existing: Map<string, string | null>) {
  const ids = new Map<string, string>();
  const created: (typeof households.$inferInsert)[] = [];
  for (const row of rows) {
    const name = row.member.household;
    const key = name?.toLowerCase();
    if (!name || !key || ids.has(key)) continue;
    const found = existing.get(key);
    if (found) ids.set(key, found);
    else {
      const id = crypto.randomUUID();
      created.push({ id, churchId, name });
      ids.set(key, id);
    }
  }
  for (let start = 0; start < created.length; start += BATCH) {
    await tx.insert(households).values(created.slice(start, start + BATCH));
  }
  return {
    created: created.length,
    /** The row's household id, or null (no household in the row, or none needed). */
    idOf: (row: PlannedRow) => (row.member.household ? (ids.get(row.member.household.toLowerCase()) ?? null) : null),
  };
}

/**
 * "Update the existing member's empty fields": only fields this
 * administrator may see and that are empty; a field the member hid is left
 * alone, whatever the file says. Groups are added, never removed.
 */
async function fillEmptyFields(tx: Tx, viewer: Viewer, row: PlannedRow, householdId: string | null): Promise<boolean> {
  const existing = row.duplicate!.member;
  const visible = visibleFields(viewer, existing);
  const changes: Partial<typeof members.$inferInsert> = {};
  for (const field of FILLABLE) {
    const value = row.member[field];
    if (value && visible.has(field) && !existing[field]) {
      changes[field] = value;
      existing[field] = value;
    }
  }
  if (householdId && !existing.householdId) {
    changes.householdId = householdId;
    existing.householdId = householdId;
  }
  if (Object.keys(changes).length === 0) return false;
  await tx.update(members).set({ ...changes, updatedAt: new Date() }).where(eq(members.id, existing.id));
  return true;
}

async function groupsOfMembers(tx: Tx, memberIds: string[]): Promise<Map<string, Set<string>>> {
  const groupsOf = new Map<string, Set<string>>();
  for (let start = 0; start < memberIds.length; start += BATCH) {
    const rows = await tx
      .select({ memberId: groupMemberships.memberId, groupId: groupMemberships.groupId })
      .from(groupMemberships)
      .where(inArray(groupMemberships.memberId, memberIds.slice(start, start + BATCH)));
    for (const row of rows) groupsOf.set(row.memberId, (groupsOf.get(row.memberId) ?? new Set()).add(row.groupId));
  }
  return groupsOf;
}

/** What an import did, for its result page: the audit entry it left (this church's only). */
export async function importResult(churchId: string, importId: string): Promise<ImportCounts | null> {
  if (!isUuid(importId)) return null;
  const [entry] = await withChurch(churchId, (tx) =>
    tx
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, "members.imported"), eq(auditLog.recordType, "member_import"), eq(auditLog.recordId, importId))),
  );
  return (entry?.after as ImportCounts | undefined) ?? null;
}

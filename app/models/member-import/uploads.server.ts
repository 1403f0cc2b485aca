import { and, eq, gt, lt } from "drizzle-orm";
import { memberImports, type MemberImport } from "~/db/schema.server";
import { acrossChurches, withChurch, type Tx } from "~/db/tenancy.server";
import { isUuid } from "../roles.server";
import { UPLOAD_LIFETIME_MS, type ImportTarget } from "./targets";

/**
 * Uploaded files between the steps of an import, one row each in
 * `member_imports` (row-level security keeps them to their church). A file
 * lives until it is imported or for a day, whichever comes first.
 */

const expiry = () => new Date(Date.now() - UPLOAD_LIFETIME_MS);

export async function storeUpload(
  actor: { id: string; churchId: string },
  upload: { fileName: string; text: string },
): Promise<string> {
  // Housekeeping for every church, so a church that never comes back does not keep
  // its members' data here: the one cross-church step, and it only deletes.
  await acrossChurches((tx) => tx.delete(memberImports).where(lt(memberImports.createdAt, expiry())));
  return withChurch(actor.churchId, async (tx) => {
    const [row] = await tx
      .insert(memberImports)
      .values({ churchId: actor.churchId, uploadedBy: actor.id, fileName: upload.fileName.slice(0, 200), csv: upload.text })
      .returning({ id: memberImports.id });
    return row!.id;
  });
}

/** The upload, if it is this church's and not yet expired. */
export async function findUpload(churchId: string, importId: string): Promise<MemberImport | null> {
  if (!isUuid(importId)) return null;
  return withChurch(churchId, (tx) => uploadIn(tx, importId));
}

export async function uploadIn(tx: Tx, importId: string, options: { lock?: boolean } = {}): Promise<MemberImport | null> {
  if (!isUuid(importId)) return null;
  const query = tx
    .select()
    .from(memberImports)
    .where(and(eq(memberImports.id, importId), gt(memberImports.createdAt, expiry())));
  // Two clicks on Import must not import twice: the second waits, then finds the row gone.
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

export async function saveMapping(churchId: string, importId: string, mapping: ImportTarget[]): Promise<boolean> {
  if (!isUuid(importId)) return false;
  const updated = await withChurch(churchId, (tx) =>
    tx
      .update(memberImports)
      .set({ mapping })
      .where(and(eq(memberImports.id, importId), gt(memberImports.createdAt, expiry())))
      .returning({ id: memberImports.id }),
  );
  return updated.length > 0;
}

export async function deleteUpload(tx: Tx, importId: string) {
  await tx.delete(memberImports).where(eq(memberImports.id, importId));
}

/** The administrator gave up on this upload: it goes now rather than in a day. */
export async function cancelUpload(churchId: string, importId: string): Promise<boolean> {
  if (!isUuid(importId)) return false;
  const deleted = await withChurch(churchId, (tx) =>
    tx.delete(memberImports).where(eq(memberImports.id, importId)).returning({ id: memberImports.id }),
  );
  return deleted.length > 0;
}

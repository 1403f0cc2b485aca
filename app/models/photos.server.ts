import crypto from "node:crypto";
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { and, eq, isNull } from "drizzle-orm";
import { groupMemberships, members, type PrivacyChoices } from "~/db/schema.server";
import { withChurch } from "~/db/tenancy.server";
import { isListedFor, visibleMember, type MemberRecord, type Viewer } from "~/privacy/policy";
import { logger } from "~/utils/logger.server";
import { deleteObject, getObject, putObject } from "~/utils/storage.server";
import { recordAudit } from "./audit.server";
import { makeThumbnails, MAX_PHOTO_BYTES, PHOTO_SIZES, PhotoRefused, type PhotoSize } from "./photo-images.server";
import type { CurrentUser, RequestMeta } from "./users.server";

export { PHOTO_SIZES, PhotoRefused, type PhotoSize } from "./photo-images.server";

/**
 * Member photos: a member uploads their own; others see it as the privacy
 * policy allows. A member's `photo_key` is `photos/<church>/<member>/<random>`
 * and names two stored objects, `<key>-96.webp` and `<key>-320.webp`. Every
 * upload gets a new random part, so its URL (`?v=<random>`) is new too and a
 * year-long browser cache never shows an old photo.
 */

const objectKey = (photoKey: string, size: PhotoSize) => `${photoKey}-${size}.webp`;

async function deletePhotoObjects(photoKey: string) {
  for (const size of PHOTO_SIZES) {
    // A leftover file is only wasted space; the member's change has already happened.
    await deleteObject(objectKey(photoKey, size)).catch((error: unknown) =>
      logger.warn({ err: error, photoKey }, "could not delete an old photo file"),
    );
  }
}

/**
 * The photo file from a multipart form, read with a size limit while it
 * streams in (never more than 10 MB kept in memory), or a refusal to show.
 */
export async function readPhotoUpload(request: Request): Promise<Buffer> {
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: MAX_PHOTO_BYTES });
  let parts = 0;
  let tooBig = false;
  const handler: UploadHandler = async (part) => {
    // The form has two fields (intent, photo); more is not our form.
    if (++parts > 4) throw new PhotoRefused("badUpload");
    try {
      return await memory(part);
    } catch (error) {
      if (!(error instanceof MaxPartSizeExceededError)) throw error;
      tooBig = true;
      await discardRest(part.data);
      return undefined;
    }
  };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    throw error instanceof PhotoRefused ? error : new PhotoRefused(tooBig ? "tooBig" : "badUpload");
  }
  if (tooBig) throw new PhotoRefused("tooBig");
  const file = form.get("photo");
  if (!file || typeof file === "string" || file.size === 0) throw new PhotoRefused("noFile");
  return Buffer.from(await file.arrayBuffer());
}

// Past this, a sender is not a phone with a big photo: stop reading and let the connection drop.
const MAX_DISCARD_BYTES = 4 * MAX_PHOTO_BYTES;

/**
 * Read and drop the rest of a file that is too big. A server that answers
 * before the upload has fully arrived gets its connection reset, and the
 * browser may never show the answer; reading on (without keeping) avoids that.
 */
async function discardRest(data: AsyncIterable<Uint8Array>) {
  let read = 0;
  for await (const chunk of data) {
    read += chunk.byteLength;
    if (read > MAX_DISCARD_BYTES) throw new PhotoRefused("tooBig");
  }
}

/** Make the thumbnails, store them, then point the member's row at them, audited in the same transaction. */
export async function saveMyPhoto(user: CurrentUser, upload: Buffer, meta: RequestMeta = {}): Promise<void> {
  const churchId = user.churchId;
  const own = churchId ? await ownMemberId(churchId, user.id) : null;
  if (!churchId || !own) throw new Response("Not Found", { status: 404 });
  const thumbnails = await makeThumbnails(upload);
  const photoKey = `photos/${churchId}/${own}/${crypto.randomBytes(10).toString("hex")}`;
  for (const size of PHOTO_SIZES) await putObject(objectKey(photoKey, size), thumbnails[size], "image/webp");
  let previous: string | null;
  try {
    previous = await withChurch(churchId, async (tx) => {
      const [row] = await tx
        .select({ id: members.id, photoKey: members.photoKey })
        .from(members)
        .where(and(eq(members.id, own), eq(members.userId, user.id), isNull(members.deletedAt)))
        // Two uploads at once: the second waits, then replaces (and deletes) the first.
        .for("update");
      if (!row) throw new Response("Not Found", { status: 404 });
      await tx.update(members).set({ photoKey, updatedAt: new Date() }).where(eq(members.id, row.id));
      await recordAudit(tx, {
        churchId,
        actorUserId: user.id,
        action: "member.photo_updated",
        recordType: "member",
        recordId: row.id,
        before: { photoKey: row.photoKey },
        after: { photoKey },
        ...meta,
      });
      return row.photoKey;
    });
  } catch (error) {
    await deletePhotoObjects(photoKey);
    throw error;
  }
  if (previous) await deletePhotoObjects(previous);
}

/** Remove the member's own photo (row and files); false when there was none. */
export async function removeMyPhoto(user: CurrentUser, meta: RequestMeta = {}): Promise<boolean> {
  const churchId = user.churchId;
  if (!churchId) return false;
  const previous = await withChurch(churchId, async (tx) => {
    const [row] = await tx
      .select({ id: members.id, photoKey: members.photoKey })
      .from(members)
      .where(and(eq(members.userId, user.id), isNull(members.deletedAt)))
      .for("update");
    if (!row?.photoKey) return null;
    await tx.update(members).set({ photoKey: null, updatedAt: new Date() }).where(eq(members.id, row.id));
    await recordAudit(tx, {
      churchId,
      actorUserId: user.id,
      action: "member.photo_removed",
      recordType: "member",
      recordId: row.id,
      before: { photoKey: row.photoKey },
      after: { photoKey: null },
      ...meta,
    });
    return row.photoKey;
  });
  if (!previous) return false;
  await deletePhotoObjects(previous);
  return true;
}

async function ownMemberId(churchId: string, userId: string): Promise<string | null> {
  const [row] = await withChurch(churchId, (tx) =>
    tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.userId, userId), isNull(members.deletedAt))),
  );
  return row?.id ?? null;
}

/** What /me shows of the member's own photo: through the same policy (one's own record shows everything). */
export function myPhotoOf(user: CurrentUser, record: MemberRecord) {
  const shown = visibleMember({ ...user, ledGroupIds: [] }, record);
  return {
    memberId: record.id,
    givenName: shown.givenName,
    familyName: shown.familyName,
    hasPhoto: shown.hasPhoto,
    photoVersion: shown.photoVersion,
  };
}
export type MyPhoto = ReturnType<typeof myPhotoOf>;

export interface VisiblePhoto {
  photoKey: string;
  version: string;
}

/**
 * The member's photo if this viewer may see it, or null for every reason it
 * may not (no such member, another church, unlisted, the photo's privacy
 * level not reached, no photo): the route answers the same 404 for all.
 */
export async function visiblePhoto(viewer: Viewer, memberId: string): Promise<VisiblePhoto | null> {
  const churchId = viewer.churchId;
  if (!churchId || !/^[0-9a-f-]{36}$/i.test(memberId)) return null;
  const record = await withChurch(churchId, async (tx): Promise<MemberRecord | null> => {
    const [row] = await tx
      .select()
      .from(members)
      .where(and(eq(members.id, memberId), isNull(members.deletedAt)));
    if (!row?.photoKey) return null;
    const memberships = await tx
      .select({ groupId: groupMemberships.groupId })
      .from(groupMemberships)
      .where(eq(groupMemberships.memberId, row.id));
    return { ...row, privacy: row.privacy as PrivacyChoices, groupIds: memberships.map((m) => m.groupId) };
  });
  if (!record?.photoKey || !isListedFor(viewer, record)) return null;
  const shown = visibleMember(viewer, record);
  if (!shown.hasPhoto || !shown.photoVersion) return null;
  return { photoKey: record.photoKey, version: shown.photoVersion };
}

/** The stored WebP of one size, or null if the file has gone missing. */
export async function readPhoto(photo: VisiblePhoto, size: PhotoSize): Promise<Buffer | null> {
  const object = await getObject(objectKey(photo.photoKey, size));
  return object?.bytes ?? null;
}

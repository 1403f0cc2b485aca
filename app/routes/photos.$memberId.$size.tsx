import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { viewerFor } from "~/models/directory.server";
import { PHOTO_SIZES, readPhoto, visiblePhoto } from "~/models/photos.server";

/**
 * A member's photo thumbnail (96 or 320 pixels, WebP), for signed-in members
 * of the same church whom the member's privacy choice reaches. Everything
 * else is the same 404, so a URL reveals nothing.
 *
 * Cached by the viewer's own browser for a year (the URL carries the photo's
 * version, so a new photo is a new URL), never by a shared cache: it is
 * member data.
 */

const notFound = () => new Response("Not Found", { status: 404, headers: { "Cache-Control": "private, no-store" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:directory");
  const size = PHOTO_SIZES.find((s) => String(s) === params.size);
  if (!size) return notFound();
  const photo = await visiblePhoto(await viewerFor(user), params.memberId ?? "");
  if (!photo) return notFound();
  const etag = `"${photo.version}"`;
  const versioned = new URL(request.url).searchParams.get("v") === photo.version;
  const headers = {
    "Content-Type": "image/webp",
    // Only the URL of the current version may be kept as immutable; any other
    // URL (no ?v, an old one) must be asked again, or it would pin this photo.
    "Cache-Control": versioned ? "private, max-age=31536000, immutable" : "private, no-cache",
    ETag: etag,
    "X-Robots-Tag": "noindex",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const bytes = await readPhoto(photo, size);
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), { headers });
}

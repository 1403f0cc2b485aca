import sharp from "sharp";

/**
 * From an uploaded file to the two small WebP thumbnails we keep. The file's
 * name and declared type are never trusted: the first bytes say what it is,
 * and decoding it proves it. The original is not kept, and nothing of its
 * metadata survives (sharp writes none unless asked): no EXIF, no GPS.
 */

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_SIZES = [96, 320] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];
export type PhotoType = "jpeg" | "png" | "webp" | "heic";

/** Why an upload was refused; each is a message in `me:photos.errors`. */
export type PhotoProblem = "noFile" | "tooBig" | "notAPhoto" | "unreadable" | "heicUnreadable" | "tooManyPixels" | "badUpload";

export class PhotoRefused extends Error {
  constructor(readonly problem: PhotoProblem) {
    super(`Photo refused: ${problem}`);
    this.name = "PhotoRefused";
  }
}

// A 48-megapixel phone photo fits; a "decompression bomb" does not.
const MAX_PIXELS = 60_000_000;
// Small files for slow connections; faces stay recognisable at this quality.
const WEBP = { quality: 70, effort: 4 } as const;

// HEIF brands of HEVC-coded photos (iPhones, many Android phones).
const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

/** The photo type by its magic bytes, or null when it is none we accept. */
export function detectPhotoType(bytes: Uint8Array): PhotoType | null {
  const text = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString("latin1");
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (text(0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (text(0, 4) === "RIFF" && text(8, 12) === "WEBP") return "webp";
  if (text(4, 8) === "ftyp" && HEIC_BRANDS.has(text(8, 12))) return "heic";
  return null;
}

/** The two square thumbnails (cover crop), oriented as the camera meant, without metadata. */
export async function makeThumbnails(bytes: Buffer): Promise<Record<PhotoSize, Buffer>> {
  const type = detectPhotoType(bytes);
  if (!type) throw new PhotoRefused("notAPhoto");
  const image = type === "heic" ? await fromHeic(bytes) : fromCommonFormat(bytes);
  try {
    const [small, large] = await Promise.all(
      PHOTO_SIZES.map((size) =>
        image
          .clone()
          // Keep faces in the crop rather than the centre of the picture.
          .resize(size, size, { fit: "cover", position: sharp.strategy.attention })
          .webp(WEBP)
          .toBuffer(),
      ),
    );
    return { 96: small!, 320: large! };
  } catch (error) {
    if (error instanceof PhotoRefused) throw error;
    if (/pixel limit/i.test(String(error))) throw new PhotoRefused("tooManyPixels");
    throw new PhotoRefused("unreadable");
  }
}

function fromCommonFormat(bytes: Buffer) {
  // failOn "error": phones write slightly odd JPEGs that still show fine; only broken ones fail.
  return sharp(bytes, { failOn: "error", limitInputPixels: MAX_PIXELS, animated: false }).autoOrient();
}

/**
 * sharp's prebuilt libvips reads HEIF but not its HEVC coding (patents), so a
 * WebAssembly build of libheif decodes HEIC to pixels first. libheif applies
 * the file's own rotation, so no EXIF orientation is needed. It runs on the
 * main thread: about a second for a 12-megapixel photo.
 */
async function fromHeic(bytes: Buffer) {
  const { default: decode } = await import("heic-decode");
  let images: Awaited<ReturnType<typeof decode.all>>;
  try {
    images = await decode.all({ buffer: bytes });
  } catch {
    throw new PhotoRefused("heicUnreadable");
  }
  // heic-decode's images carry width/height and a dispose() its type definitions leave out.
  const all = images as typeof images & { dispose(): void };
  try {
    const first = all[0] as (typeof all)[number] & { width: number; height: number } | undefined;
    if (!first) throw new PhotoRefused("heicUnreadable");
    if (first.width * first.height > MAX_PIXELS) throw new PhotoRefused("tooManyPixels");
    const { width, height, data } = await first.decode().catch(() => {
      throw new PhotoRefused("heicUnreadable");
    });
    const pixels = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return sharp(pixels, { raw: { width, height, channels: 4 } });
  } finally {
    all.dispose();
  }
}

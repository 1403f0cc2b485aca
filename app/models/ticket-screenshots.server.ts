import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import sharp from "sharp";
import { detectPhotoType } from "./photo-images.server";

/**
 * The optional screenshot of a support question, and the multipart form it
 * arrives in. As with member photos (photo-images.server.ts) the file's name
 * and declared type are never trusted: its first bytes and a real decode say
 * what it is. Only PNG, JPEG and WebP are taken; what we keep is a WebP
 * re-encoded from the pixels, so no metadata (EXIF, GPS, author) survives.
 */

export const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024;

/** Why a screenshot was refused; each is a message in `support:screenshot.errors`. */
export type ScreenshotProblem = "tooBig" | "notAnImage" | "unreadable" | "tooManyPixels" | "badUpload";

export class ScreenshotRefused extends Error {
  constructor(readonly problem: ScreenshotProblem) {
    super(`Screenshot refused: ${problem}`);
    this.name = "ScreenshotRefused";
  }
}

// A phone or desktop screenshot is a few megapixels; a "decompression bomb" is not.
const MAX_PIXELS = 40_000_000;
// Large enough to read a screen's text, small enough for staff on slow connections.
const MAX_SIDE = 2400;
// Text fields are short (a subject, a message of up to 5,000 characters).
const MAX_TEXT_BYTES = 64 * 1024;
// Past this, a sender is not a person with a big screenshot: stop reading.
const MAX_DISCARD_BYTES = 4 * MAX_SCREENSHOT_BYTES;

export interface TicketUpload {
  /** The text fields as typed (what a refused form shows again). */
  form: FormData;
  /** The file's bytes, or null when none was chosen. */
  screenshot: Buffer | null;
  /** Set when the upload itself was refused (too big, broken); the text fields are still there. */
  problem: ScreenshotProblem | null;
}

/**
 * The ticket form, plain or multipart (the page posts multipart so that a
 * screenshot can come along). Text fields are kept even when the file is
 * refused, so the person does not type their question again.
 */
export async function readTicketUpload(request: Request, fileField = "screenshot"): Promise<TicketUpload> {
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    return { form: await request.formData(), screenshot: null, problem: null };
  }
  const text = new Map<string, string>();
  const fileMemory = unstable_createMemoryUploadHandler({ maxPartSize: MAX_SCREENSHOT_BYTES });
  let screenshot: Buffer | null = null;
  let problem: ScreenshotProblem | null = null;
  let parts = 0;
  const handler: UploadHandler = async (part) => {
    // Our form has three or four fields; many more is not our form.
    if (++parts > 10) throw new ScreenshotRefused("badUpload");
    if (typeof part.filename !== "string") {
      if (!text.has(part.name)) text.set(part.name, await readText(part.data));
      else await discardRest(part.data);
      return undefined;
    }
    if (part.name !== fileField || screenshot) {
      await discardRest(part.data);
      return undefined;
    }
    try {
      const file = (await fileMemory(part)) as File | undefined;
      if (file && file.size > 0) screenshot = Buffer.from(await file.arrayBuffer());
    } catch (error) {
      if (!(error instanceof MaxPartSizeExceededError)) throw error;
      problem = "tooBig";
      await discardRest(part.data);
    }
    return undefined;
  };
  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    problem ??= error instanceof ScreenshotRefused ? error.problem : "badUpload";
  }
  const form = new FormData();
  for (const [name, value] of text) form.set(name, value);
  return { form, screenshot: problem ? null : screenshot, problem };
}

/** A text field, cut at MAX_TEXT_BYTES: the form's length check then says "too long", input kept. */
async function readText(data: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    if (size < MAX_TEXT_BYTES) chunks.push(chunk.subarray(0, MAX_TEXT_BYTES - size));
    size += chunk.byteLength;
    if (size > MAX_DISCARD_BYTES) throw new ScreenshotRefused("badUpload");
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * Read and drop a part we do not keep. A server that answers before the
 * upload has fully arrived gets its connection reset and the browser may
 * never show the answer; reading on (without keeping) avoids that.
 */
async function discardRest(data: AsyncIterable<Uint8Array>) {
  let read = 0;
  for await (const chunk of data) {
    read += chunk.byteLength;
    if (read > MAX_DISCARD_BYTES) throw new ScreenshotRefused("tooBig");
  }
}

/** The screenshot as the WebP we store: checked by content, oriented, at most MAX_SIDE pixels a side, no metadata. */
export async function screenshotWebp(bytes: Buffer): Promise<Buffer> {
  if (bytes.byteLength > MAX_SCREENSHOT_BYTES) throw new ScreenshotRefused("tooBig");
  const type = detectPhotoType(bytes);
  if (type !== "png" && type !== "jpeg" && type !== "webp") throw new ScreenshotRefused("notAnImage");
  const image = sharp(bytes, { failOn: "error", limitInputPixels: MAX_PIXELS, animated: false });
  let metadata: Awaited<ReturnType<typeof image.metadata>>;
  try {
    metadata = await image.metadata();
  } catch {
    throw new ScreenshotRefused("unreadable");
  }
  // The decoder must agree with the magic bytes: a PNG header on something else is not a PNG.
  if (metadata.format !== type) throw new ScreenshotRefused("notAnImage");
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_PIXELS) throw new ScreenshotRefused("tooManyPixels");
  try {
    return await image
      .autoOrient()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80, effort: 4 })
      .toBuffer();
  } catch (error) {
    if (/pixel limit/i.test(String(error))) throw new ScreenshotRefused("tooManyPixels");
    throw new ScreenshotRefused("unreadable");
  }
}

import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MAX_SCREENSHOT_BYTES, ScreenshotRefused, screenshotWebp } from "~/models/ticket-screenshots.server";

/** What the support form keeps of a screenshot: only real PNG/JPEG/WebP, re-encoded, without metadata. */

const blank = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 110 } } });

async function refusal(bytes: Buffer): Promise<string> {
  try {
    await screenshotWebp(bytes);
  } catch (error) {
    if (error instanceof ScreenshotRefused) return error.problem;
    throw error;
  }
  return "accepted";
}

describe("screenshotWebp", () => {
  it("turns PNG, JPEG and WebP into WebP of the same size", async () => {
    for (const input of [
      await blank(390, 844).png().toBuffer(),
      await blank(390, 844).jpeg().toBuffer(),
      await blank(390, 844).webp().toBuffer(),
    ]) {
      const meta = await sharp(await screenshotWebp(input)).metadata();
      expect(meta).toMatchObject({ format: "webp", width: 390, height: 844 });
    }
  });

  it("drops EXIF, and shrinks a very large screen to 2400 pixels a side", async () => {
    const jpeg = await blank(3000, 1500)
      .jpeg()
      .withExif({ IFD0: { Artist: "Maria Santos" } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const meta = await sharp(await screenshotWebp(jpeg)).metadata();
    expect(meta).toMatchObject({ width: 2400, height: 1200 });
    expect(meta.exif).toBeUndefined();
  });

  it("refuses what is not a PNG, JPEG or WebP by its content, whatever it is called", async () => {
    expect(await refusal(Buffer.from("just text, renamed to .png"))).toBe("notAnImage");
    expect(await refusal(await blank(10, 10).gif().toBuffer())).toBe("notAnImage");
    expect(await refusal(await blank(10, 10).tiff().toBuffer())).toBe("notAnImage");
    // A PNG signature in front of garbage is not a PNG.
    expect(await refusal(Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), Buffer.alloc(200, 7)]))).toBe(
      "unreadable"
    );
  });

  it("refuses a file over 5 MB", async () => {
    const big = Buffer.alloc(MAX_SCREENSHOT_BYTES + 1);
    big.write("\x89PNG\r\n\x1a\n", "latin1");
    expect(await refusal(big)).toBe("tooBig");
  });
});

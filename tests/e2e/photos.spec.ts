import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { signIn } from "./support";

/*
 * A member adds a photo from /me with JavaScript off, as on a basic phone:
 * the file input and a plain multipart form. Hope's admin is used so that no
 * other spec's member gains a photo; the photo is removed again at the end.
 */

test.use({ javaScriptEnabled: false, locale: "en-US" });

async function portraitJpeg() {
  return sharp({ create: { width: 600, height: 800, channels: 3, background: { r: 15, g: 118, b: 110 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

test("a member uploads a photo on /me and sees it on their card; a renamed text file is refused", async ({ page }) => {
  await signIn(page, "admin@hope.example");
  await page.goto("/me");
  const section = page.locator("section#photo");
  await expect(section.getByRole("heading", { name: "My photo" })).toBeVisible();
  await expect(section.getByText("No photo yet: others see your initials.")).toBeVisible();

  await section.getByLabel("Choose a photo").setInputFiles({ name: "IMG_1234.jpg", mimeType: "image/jpeg", buffer: await portraitJpeg() });
  await section.getByRole("button", { name: "Upload photo" }).click();
  await expect(page).toHaveURL(/\/me\?photo=saved/);
  await expect(page.getByRole("status")).toHaveText("Your photo is saved.");

  // The small photo on /me points at the member's own card.
  const own = page.locator('section#photo img[src^="/photos/"]');
  await expect(own).toBeVisible();
  const memberId = /\/photos\/([0-9a-f-]{36})\//.exec((await own.getAttribute("src")) ?? "")?.[1];
  expect(memberId).toBeDefined();

  await page.goto(`/directory/${memberId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Josefina Aquino");
  const photo = page.getByRole("img", { name: "Photo of Josefina Aquino" });
  await expect(photo).toBeVisible();
  const src = (await photo.getAttribute("src"))!;
  expect(src).toMatch(new RegExp(`^/photos/${memberId}/320\\?v=[0-9a-f]{20}$`));
  const image = await page.request.get(src);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/webp");
  expect((await sharp(await image.body()).metadata()).width).toBe(320);
  // The browser really drew it: the box has the photo's size.
  expect((await photo.boundingBox())?.width).toBe(160);

  // A text file with a photo's name is refused, clearly, next to the field.
  await page.goto("/me");
  await section.getByLabel("Choose a photo").setInputFiles({
    name: "photo.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("Shopping list: rice, eggs, pandesal\n"),
  });
  await section.getByRole("button", { name: "Upload photo" }).click();
  await expect(page).toHaveURL(/\/me\/photo$/);
  await expect(page.getByText("This file is not a photo we can use. Please send a JPEG, PNG, WebP or HEIC photo.")).toBeVisible();
  await expect(page.getByLabel("Choose a photo")).toHaveAttribute("aria-invalid", "true");

  // Leave no photo behind for other specs.
  await page.goto("/me");
  await section.getByRole("button", { name: "Remove my photo" }).click();
  await expect(page.getByRole("status")).toHaveText("Your photo is removed.");
  await expect(page.locator('img[src^="/photos/"]')).toHaveCount(0);
});

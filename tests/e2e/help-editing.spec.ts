import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/**
 * Support staff keep help content current in real Chromium: Markdown with
 * hostile HTML in it is previewed and published without anything running,
 * edits make revisions that can be compared and restored, a Filipino
 * translation notices when its English source moves on, and two people
 * saving the same article cannot overwrite each other.
 */

test.use({ locale: "en-US" });

const STAFF = "staff@kapatiran.example";

const HOSTILE = [
  "## Welcome to the portal",
  "",
  "Hello **friends**, this line stays the same.",
  "",
  "<script>window.__pwned = 1</script>",
  "",
  '<img src=x onerror="window.__pwned = 1">',
  "",
  "First version of the closing line.",
].join("\n");

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

/** From the staff list, a new English article; returns the editor's address. */
async function createArticle(page: Page, slug: string, title: string, body: string) {
  await page.goto("/staff/help");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Web address name").fill(slug);
  await page.getByLabel("Category").selectOption({ label: "Support" });
  await page.getByLabel("Text (Markdown)").fill(body);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("status")).toHaveText("The article was created as revision 1.");
  return new URL(page.url()).pathname;
}

async function saveText(page: Page, body: string) {
  await page.getByLabel("Text (Markdown)").fill(body);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Saved as a new revision.");
}

test("staff write, preview, publish, edit, compare, restore and translate an article", async ({ page }) => {
  const slug = "e2e-safe-article";
  await signIn(page, STAFF);
  await page.goto("/staff/help");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help articles and FAQ");

  // Preview: the words show, the script and the image's handler do not, and nothing is saved.
  await page.getByLabel("Title", { exact: true }).fill("Safe article");
  await page.getByLabel("Web address name").fill(slug);
  await page.getByLabel("Category").selectOption({ label: "Support" });
  await page.getByLabel("Text (Markdown)").fill(HOSTILE);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.locator("#preview");
  await expect(preview).toContainText("Hello friends, this line stays the same.");
  await expect(preview.getByRole("heading", { name: "Welcome to the portal" })).toBeVisible();
  await expect(preview.locator("script, img, [onerror]")).toHaveCount(0);
  expect(await pwned(page)).toBeUndefined();
  await expect(page.getByLabel("Text (Markdown)")).toHaveValue(HOSTILE);
  await expect(page.getByRole("list", { name: "Help articles and FAQ entries" }).getByText("Safe article")).toHaveCount(
    0
  );

  // Create (a draft), then publish.
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("status")).toHaveText("The article was created as revision 1.");
  const editor = new URL(page.url()).pathname;
  await page.getByLabel("Status").selectOption({ label: "Published" });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Saved as a new revision.");

  // The public page (the help center's /help/:slug) shows the words and runs nothing.
  const open = await page.goto(`/help/${slug}`);
  expect(
    open?.status(),
    `the public help page /help/${slug} should show the published article (help center pages)`
  ).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Safe article");
  await expect(page.getByText("Hello friends, this line stays the same.")).toBeVisible();
  await expect(page.locator("main script, main img, main [onerror]")).toHaveCount(0);
  expect(await pwned(page)).toBeUndefined();

  // Two edits.
  await page.goto(editor);
  const second = HOSTILE.replace("First version of the closing line.", "Second version of the closing line.");
  await saveText(page, second);
  await saveText(page, `${second}\n\nA brand new paragraph.`);

  // History: four revisions with their author; revisions 1 and 3 compared.
  await page.getByRole("link", { name: "History and changes" }).click();
  const revisions = page.getByRole("list", { name: "Revisions, newest first" }).getByRole("listitem");
  await expect(revisions).toHaveCount(4);
  await expect(revisions.first()).toContainText("Saved by Andrea Pascual on");
  await page.getByLabel("From", { exact: true }).selectOption({ label: "Revision 1" });
  await page.getByLabel("To", { exact: true }).selectOption({ label: "Revision 3" });
  await page.getByRole("button", { name: "Show changes" }).click();
  await expect(page.getByRole("heading", { name: "Changes from revision 1 to revision 3" })).toBeVisible();
  await expect(page.getByRole("row", { name: "Removed First version of the closing line." })).toBeVisible();
  await expect(page.getByRole("row", { name: "Added Second version of the closing line." })).toBeVisible();

  // Restore the first: a fifth revision with the first one's words.
  await page.getByRole("button", { name: "Restore revision 1" }).click();
  await expect(page.getByRole("status")).toHaveText("The revision was restored as a new revision.");
  await expect(revisions).toHaveCount(5);
  await page.getByRole("link", { name: "Back to the editor" }).click();
  await expect(page.getByLabel("Text (Markdown)")).toHaveValue(HOSTILE);

  // The Filipino translation.
  await page.getByRole("link", { name: "Add Filipino translation" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Ligtas na artikulo");
  await page.getByLabel("Status").selectOption({ label: "Published" });
  await page.getByLabel("Filipino text (Markdown)").fill("## Maligayang pagdating\n\nKumusta, mga **kapatid**.");
  await page.getByRole("button", { name: "Add translation" }).click();
  await expect(page.getByRole("status")).toHaveText("The Filipino translation was added.");
  const translation = new URL(page.url()).pathname;
  await expect(page.getByText("Out of date")).toHaveCount(0);

  // Readers in Filipino now get the translation, not the English fallback.
  await page.goto(`/help/${slug}?lng=fil`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ligtas na artikulo");
  await expect(page.getByRole("heading", { name: "Maligayang pagdating" })).toBeVisible();
  await page.goto(`/help/${slug}?lng=en`);

  // The English source changes: the translation is flagged, on the list and in its editor.
  await page.goto(editor);
  await saveText(page, `${HOSTILE}\n\nA paragraph the translation does not have yet.`);
  await page.goto("/staff/help");
  const filipino = page.locator(`li[data-slug="${slug}"] li[data-locale="fil"]`);
  await expect(filipino).toContainText("Out of date");
  await page.goto(translation);
  await expect(page.getByText("The English source has changed since this translation was last saved.")).toBeVisible();
  await page.getByRole("link", { name: "See what changed in the English article" }).click();
  await expect(page.getByRole("heading", { name: "Changes from revision 5 to revision 6" })).toBeVisible();
  await expect(page.getByRole("row", { name: "Added A paragraph the translation does not have yet." })).toBeVisible();
});

test("two staff editing the same article: the second save is refused and keeps its text", async ({ browser }) => {
  const first = await browser.newContext({ locale: "en-US" });
  const second = await browser.newContext({ locale: "en-US" });
  const one = await first.newPage();
  const two = await second.newPage();
  await signIn(one, STAFF);
  await signIn(two, STAFF);

  const editor = await createArticle(one, "e2e-shared-article", "Shared article", "Line one.\nLine two.");
  await two.goto(editor);
  await expect(two.getByLabel("Text (Markdown)")).toHaveValue("Line one.\nLine two.");

  await saveText(one, "Line one.\nLine two, from the first browser.");

  const mine = "Line one.\nLine two, from the second browser.";
  await two.getByLabel("Text (Markdown)").fill(mine);
  await two.getByRole("button", { name: "Save", exact: true }).click();
  const refusal = two.getByRole("alert");
  await expect(refusal.getByRole("heading", { name: "This article has changed since you opened it" })).toBeVisible();
  await expect(refusal).toContainText("Andrea Pascual saved revision 2");
  await expect(refusal.getByRole("row", { name: "Added Line two, from the first browser." })).toBeVisible();
  await expect(two.getByLabel("Text (Markdown)")).toHaveValue(mine);

  // The first save stands.
  await one.reload();
  await expect(one.getByLabel("Text (Markdown)")).toHaveValue("Line one.\nLine two, from the first browser.");
  await first.close();
  await second.close();
});

test("the staff help pages fit 360 px and pass axe, in English and Filipino", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, STAFF);
  await page.goto("/staff/help");
  const english = await page
    .locator('li[data-slug="e2e-safe-article"] li[data-locale="en"] a')
    .first()
    .getAttribute("href");
  const filipino = await page
    .locator('li[data-slug="e2e-safe-article"] li[data-locale="fil"] a')
    .first()
    .getAttribute("href");
  const shared = await page
    .locator('li[data-slug="e2e-shared-article"] li[data-locale="en"] a')
    .first()
    .getAttribute("href");
  const paths = ["/staff/help", english!, filipino!, `${english}/history?from=1&to=3`, `${shared}/translate`];
  for (const path of paths) {
    for (const lng of ["en", "fil"]) {
      const url = `${path}${path.includes("?") ? "&" : "?"}lng=${lng}`;
      await page.goto(url);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(
        results.violations.map(
          (v) => `${url} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`
        )
      ).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
  }
  await context.close();
});

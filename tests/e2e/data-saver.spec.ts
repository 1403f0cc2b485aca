import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/*
 * Data saver as a member on a prepaid phone meets it (issue 11, item 4): the
 * browser sends `Save-Data: on`, JavaScript is off, the screen is 360 px wide.
 * Everything works through plain forms and links, no page carries a script or
 * a photo, and the directory costs under 20 KB on a first visit.
 */

test.use({
  javaScriptEnabled: false,
  extraHTTPHeaders: { "Save-Data": "on" },
  viewport: { width: 360, height: 740 },
  locale: "en-US",
});

const BUDGET_BYTES = 20 * 1024;

/*
 * A phone with data saver sends the header on every request. Playwright's
 * extraHTTPHeaders does not reach Chromium's request after a redirect (the GET
 * that follows every form POST here), so the header is added to those too.
 */
test.beforeEach(async ({ context }) => {
  await context.route("**/*", (route) => route.continue({ headers: { ...route.request().headers(), "save-data": "on" } }));
});

async function expectNoScriptsOrPhotos(page: Page) {
  await expect(page.locator("script")).toHaveCount(0);
  await expect(page.locator('link[rel="modulepreload"]')).toHaveCount(0);
  await expect(page.locator("img")).toHaveCount(0);
}

/** The consent banner is a plain form too: answer it so it stays out of the way. */
async function onlyNecessaryCookies(page: Page) {
  await page.goto("/");
  await expectNoScriptsOrPhotos(page);
  await page.getByRole("button", { name: "Only necessary", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Cookies on Kapatiran" })).toHaveCount(0);
}

test("a member signs in, searches, pages, opens a card and a help article, and switches language, all without scripts", async ({
  page,
}) => {
  const photoRequests: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/photos/")) photoRequests.push(request.url());
  });

  await onlyNecessaryCookies(page);
  // The page says data saver is on and why, and offers the way out.
  await expect(page.getByText("It is on because your browser asked to save data (Save-Data).")).toBeVisible();
  const turnOff = page.getByRole("button", { name: "Turn data saver off" });
  await expect(turnOff).toBeVisible();
  const box = (await turnOff.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(360);

  await signIn(page, "member@grace.example");
  await expect(page).toHaveURL(/\/directory$/);
  await expectNoScriptsOrPhotos(page);
  await expect(page.getByText("Data saver is on, so photos are not loaded.")).toBeVisible();

  // Search: a GET form.
  await page.getByLabel("Search by name").fill("Santos");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/directory\?q=Santos/);
  const results = page.locator('main ul a[href^="/directory/"]');
  await expect(results.first()).toBeVisible();
  await expectNoScriptsOrPhotos(page);

  // Paging: plain links.
  await page.goto("/directory");
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();

  // A member's card: initials, no photo.
  const first = page.locator('main ul a[href^="/directory/"]').first();
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expectNoScriptsOrPhotos(page);

  // The "?" in the header opens the guide to this page.
  await page.getByRole("link", { name: "Help about this page" }).click();
  await expect(page).toHaveURL(/\/help\/finding-members$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Finding members in the directory");
  await expectNoScriptsOrPhotos(page);

  // Help search: a GET form.
  await page.goto("/help");
  await page.getByLabel("Search help").fill("privacy");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/help\?q=privacy/);
  await expectNoScriptsOrPhotos(page);

  // The language switcher: a POST form that brings the member back to the same page.
  await page.goto("/directory");
  await page.getByRole("button", { name: "Filipino" }).click();
  await expect(page).toHaveURL(/\/directory$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fil");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Direktoryo ng");
  await expect(page.getByText("Naka-on ito dahil humiling ang iyong browser na magtipid ng data (Save-Data).")).toBeVisible();
  await expectNoScriptsOrPhotos(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  expect(photoRequests).toEqual([]);
});

test("the setting on /me: off beats the browser's Save-Data, automatic follows it again", async ({ page }) => {
  await onlyNecessaryCookies(page);
  await signIn(page, "member@grace.example");
  await page.goto("/me");
  const section = page.locator("section#photo");
  await expect(section.getByLabel("Automatic: on when this browser asks to save data")).toBeChecked();

  await section.getByLabel("Off, even when this browser asks to save data").check();
  await section.getByRole("button", { name: "Save data saver setting" }).click();
  await expect(page.getByRole("status")).toHaveText(/Data saver is off, even when your browser asks to save data/);
  // The browser still sends Save-Data, yet the page is the normal one again.
  await expect(page.locator('script[src="/ops.js"]')).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Turn data saver on" })).toBeVisible();

  await section.getByLabel("Automatic: on when this browser asks to save data").check();
  await section.getByRole("button", { name: "Save data saver setting" }).click();
  await expect(page.getByRole("status")).toHaveText("Data saver now follows your browser: on when it asks to save data.");
  await expectNoScriptsOrPhotos(page);
});

test("the directory page costs under 20 KB on a first visit", async ({ page, context, browser }) => {
  await onlyNecessaryCookies(page);
  await signIn(page, "member@grace.example");
  await expect(page).toHaveURL(/\/directory$/);

  // A first visit: a browser with this member's cookies and nothing in its cache. No routing
  // here (it would turn the cache off and sit between page and network); no redirect either.
  const phone = await browser.newContext({
    storageState: await context.storageState(),
    javaScriptEnabled: false,
    extraHTTPHeaders: { "Save-Data": "on" },
    viewport: { width: 360, height: 740 },
    locale: "en-US",
  });
  const visit = await phone.newPage();
  const transfers: Promise<{ url: string; body: number; headers: number }>[] = [];
  visit.on("requestfinished", (request) => {
    transfers.push(
      request.sizes().then((sizes) => ({ url: request.url(), body: sizes.responseBodySize, headers: sizes.responseHeadersSize })),
    );
  });
  const response = await visit.goto("/directory");
  expect(response?.status()).toBe(200);
  await visit.waitForLoadState("load");
  await expect(visit.getByRole("heading", { level: 1 })).toHaveText("Grace Fellowship (demo) directory");
  await expectNoScriptsOrPhotos(visit);

  const finished = await Promise.all(transfers);
  const urls = finished.map((transfer) => new URL(transfer.url).pathname);
  // A first visit carries the stylesheet inside the page (one round trip on a slow network),
  // and data saver does not prefetch the file: the page is the whole visit.
  expect(urls).toContain("/directory");
  await expect(visit.locator("head style")).toHaveCount(1);
  expect(urls.filter((path) => path.endsWith(".css"))).toEqual([]);
  expect(urls.filter((path) => path.endsWith(".js") || path.startsWith("/photos/"))).toEqual([]);
  const bodies = finished.reduce((sum, transfer) => sum + transfer.body, 0);
  const withHeaders = finished.reduce((sum, transfer) => sum + transfer.body + transfer.headers, 0);
  console.info(`directory, first visit with data saver: ${bodies} bytes of bodies, ${withHeaders} with headers, ${urls.join(" ")}`);
  expect(bodies).toBeGreaterThan(0);
  expect(bodies).toBeLessThan(BUDGET_BYTES);
  await phone.close();
});

import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page, type Request } from "@playwright/test";

/**
 * public/ops.js in real Chromium: after "Accept all", leaving a page sends
 * exactly one page-load beacon; a fresh profile that chose nothing sends none
 * and keeps nothing in sessionStorage; an error thrown in any page reaches
 * /api/client-errors, consent or not.
 *
 * Chromium sends a beacon queued while a page unloads from the browser
 * process, where Playwright's request events do not see it. So a beacon sent
 * on navigation is counted where it lands, in the server's one-line-per-request
 * log (playwright.config.ts writes it to KAPATIRAN_E2E_LOGS); one sent when the
 * tab is hidden, with the page still alive, is caught with page.waitForRequest.
 */

const isBeacon = (request: Request) => request.method() === "POST" && new URL(request.url()).pathname === "/api/beacon";
const isErrorReport = (request: Request) =>
  request.method() === "POST" && new URL(request.url()).pathname === "/api/client-errors";

/** Beacons the server answered, by its access log. */
function beaconsLogged(): { accepted: number; all: number } {
  const port = Number(process.env.E2E_PORT ?? 3107);
  const file = path.join(process.env.KAPATIRAN_E2E_LOGS ?? "", `server-${port}.log`);
  const lines = fs.readFileSync(file, "utf8").split("\n").filter((line) => line.includes('"route":"/api/beacon"'));
  return { accepted: lines.filter((line) => line.includes('"status":204')).length, all: lines.length };
}

async function settledBeacons(expected: number) {
  await expect.poll(() => beaconsLogged().accepted, { timeout: 5000 }).toBe(expected);
  // And no second one trailing behind.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return beaconsLogged();
}

/**
 * The beacon count once none has landed for half a second: the previous
 * test's closed context may still deliver its last page's beacon.
 */
async function beaconsOnceQuiet(): Promise<number> {
  let last = beaconsLogged().all;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = beaconsLogged().all;
    if (now === last) return now;
    last = now;
  }
}

/** What switching tabs or locking the phone does: the page becomes hidden, and stays alive for Playwright to watch. */
const hide = (page: Page) =>
  page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  });

async function painted(page: Page) {
  await page.waitForLoadState("load");
  await page.waitForTimeout(300);
}

test("after accepting all cookies, leaving a page sends one beacon", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/help");
  await page.getByRole("region", { name: "Cookies on Kapatiran" }).getByRole("button", { name: "Accept all" }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.locator('script[src="/ops.js"]')).toHaveAttribute("data-analytics", "1");
  await painted(page);

  // Hidden: the beacon goes at once, with the figures of this page view.
  const before = beaconsLogged().accepted;
  const sent = page.waitForRequest(isBeacon);
  await hide(page);
  const beacon = await sent;
  expect(beacon.headers()["content-type"]).toMatch(/^text\/plain/);
  const figures = JSON.parse(beacon.postData() ?? "{}") as Record<string, number>;
  expect(Object.keys(figures).sort()).toEqual(["cls", "inp", "lcp", "sessionSeconds"]);
  expect(figures.lcp).toBeGreaterThan(0);
  expect(figures.sessionSeconds).toBeGreaterThanOrEqual(0);
  expect((await beacon.response())?.status()).toBe(204);
  const afterHidden = await settledBeacons(before + 1);

  // Leaving the same page view afterwards sends no second beacon.
  await page.goto("/help/faq");
  await painted(page);
  expect((await settledBeacons(afterHidden.accepted)).accepted).toBe(afterHidden.accepted);

  // Leaving the next page sends its one beacon, on pagehide.
  await page.goto("/");
  expect((await settledBeacons(afterHidden.accepted + 1)).accepted).toBe(afterHidden.accepted + 1);
  // The tab's visit began on the first page: its start is kept in sessionStorage (consent given).
  expect(await page.evaluate(() => sessionStorage.getItem("kapatiran.visit"))).toMatch(/^\d+$/);
  await context.close();
});

test("a fresh profile that made no choice sends no beacon and stores nothing", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const seen: Request[] = [];
  context.on("request", (request) => {
    if (isBeacon(request)) seen.push(request);
  });
  const before = await beaconsOnceQuiet();
  const page = await context.newPage();
  await page.goto("/help");
  await expect(page.locator('script[src="/ops.js"]')).toHaveAttribute("data-analytics", "0");
  await painted(page);
  await hide(page);
  await page.goto("/help/faq");
  await painted(page);
  await page.goto("/");
  await page.waitForTimeout(1000);
  expect(seen).toHaveLength(0);
  expect(beaconsLogged().all).toBe(before);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await context.close();
});

test("an error thrown in the page reaches /api/client-errors, without consent", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/help/getting-started");
  await page.waitForLoadState("load");
  const reported = page.waitForRequest(isErrorReport);
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error("e2e boom 42");
    }, 0);
  });
  const request = await reported;
  const body = JSON.parse(request.postData() ?? "{}") as Record<string, string>;
  expect(body).toMatchObject({ message: "e2e boom 42", route: "/help/:slug" });
  expect(body.stack).toContain("e2e boom 42");
  expect(request.headers()["cookie"]).toBeUndefined();
  const response = await request.response();
  expect(response?.status()).toBe(204);
  expect(await response?.headerValue("set-cookie")).toBeNull();
  await context.close();
});

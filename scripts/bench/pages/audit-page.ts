import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { SESSION_COOKIE } from "../support/bench-server";
import type { PageMeasurement, VisitMeasurement } from "./budgets";
import {
  firstByte,
  firstContentfulPaint,
  largestContentfulElement,
  largestContentfulPaint,
  median,
  NetworkRecorder,
  WATCH_LCP,
} from "./measure";
import type { AuditedPage } from "./page-list";
import { throttle, unthrottle } from "./throttling";

/** The same rules the end-to-end tests hold every page to. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** A mid-range phone's screen, as Lighthouse's mobile run uses: the LCP element depends on it. */
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

export interface AuditTarget {
  baseUrl: string;
  sessionToken: string;
}

/** A fresh profile (empty cache); `headers` go with every request. */
async function freshContext(browser: Browser, headers?: Record<string, string>) {
  const context = await browser.newContext({ ...PHONE, locale: "en-US", extraHTTPHeaders: headers });
  await context.addInitScript(WATCH_LCP);
  return context;
}

/**
 * One page: a first visit in a fresh profile and a repeat visit in the same
 * one, both on Slow 4G with a 4× slower CPU; then axe-core at full speed.
 * LCP is the median of `lcpRuns` first visits, each in a fresh profile: one
 * paint on a shared two-core machine is noise. With a `floor` page
 * (./floor.ts), each of those visits is followed by one of the floor, whose
 * median is kept beside the page's.
 */
export async function auditPage(
  browser: Browser,
  page: AuditedPage,
  target: AuditTarget,
  lcpRuns = 1,
  floor?: AuditedPage,
): Promise<PageMeasurement> {
  const measured = await auditOnce(browser, page, target);
  const paints = [measured.first.lcpMs];
  const floorPaints: (number | null)[] = [];
  for (let run = 0; run < lcpRuns; run++) {
    if (run > 0) paints.push((await measureFirstVisit(browser, page, target)).lcpMs);
    if (floor) floorPaints.push((await measureFirstVisit(browser, floor, target)).lcpMs);
  }
  measured.first.lcpMs = median(paints);
  if (floor) measured.floorLcpMs = median(floorPaints);
  return measured;
}

async function auditOnce(browser: Browser, page: AuditedPage, target: AuditTarget): Promise<PageMeasurement> {
  const context = await freshContext(browser);
  try {
    const tab = await context.newPage();
    const visit = await visitor(context, tab, page, target);
    const url = new URL(page.path, page.origin ?? target.baseUrl).href;
    const first = await visit(url, page);
    // Leaving and coming back, as a member does: navigating to the same address would be a reload.
    await tab.goto("about:blank");
    const repeat = await visit(url, page);
    await unthrottle(visit.cdp);
    const results = await new AxeBuilder({ page: tab }).withTags(AXE_TAGS).analyze();
    const axe = results.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, nodes: v.nodes.length }));
    return { name: page.name, path: page.path, lcpBudget: page.lcpBudget, first, repeat, axe };
  } finally {
    await context.close();
  }
}

/** A first visit only, in a fresh profile, with `headers` (the data-saver figure) if given. */
export async function measureFirstVisit(
  browser: Browser,
  page: AuditedPage,
  target: AuditTarget,
  headers?: Record<string, string>,
): Promise<VisitMeasurement> {
  const context = await freshContext(browser, headers);
  try {
    const tab = await context.newPage();
    const visit = await visitor(context, tab, page, target);
    return await visit(new URL(page.path, page.origin ?? target.baseUrl).href, page);
  } finally {
    await context.close();
  }
}

async function visitor(context: BrowserContext, tab: Page, page: AuditedPage, target: AuditTarget) {
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  if (page.signedIn) {
    // Production's session cookie is __Host- and Secure. Chromium keeps and sends Secure cookies
    // to http://127.0.0.1 (a secure context), but Playwright's addCookies gives every cookie a
    // Domain, which __Host- forbids; the DevTools protocol sets a host-only one from the URL.
    const { success } = await cdp.send("Network.setCookie", {
      name: SESSION_COOKIE,
      value: target.sessionToken,
      url: `${target.baseUrl}/`,
      path: "/",
      secure: true,
      httpOnly: true,
      sameSite: "Lax",
    });
    if (!success) throw new Error(`Chromium refused the ${SESSION_COOKIE} cookie for ${target.baseUrl}`);
  }
  const recorder = new NetworkRecorder(cdp);
  await throttle(cdp);
  const visit = async (url: string, page: AuditedPage): Promise<VisitMeasurement> => {
    recorder.reset();
    const response = await tab.goto(url, { waitUntil: "load", timeout: 120_000 });
    if (!response || response.status() >= 400) throw new Error(`${page.path} answered ${response?.status() ?? "nothing"}`);
    // A signed-in page that lands elsewhere lost its session: its figures would be another page's.
    if (!page.origin && new URL(tab.url()).pathname !== new URL(url).pathname) {
      throw new Error(`${page.path} ended at ${tab.url()}: was the session refused?`);
    }
    // Translations and other late requests of hydrated pages come after the load event.
    await tab.waitForLoadState("networkidle", { timeout: 60_000 });
    const problems = recorder.problems();
    if (problems.length > 0) throw new Error(`${page.path} did not load whole (was the build replaced meanwhile?): ${problems.join("; ")}`);
    const lcpMs = await largestContentfulPaint(tab);
    return {
      ...recorder.summary(),
      lcpMs,
      firstByteMs: await firstByte(tab),
      fcpMs: await firstContentfulPaint(tab),
      lcpElement: await largestContentfulElement(tab),
    };
  };
  return Object.assign(visit, { cdp });
}

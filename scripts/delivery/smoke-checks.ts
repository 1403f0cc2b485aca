import { CookieJar } from "../support/browser-session";

/**
 * The smoke tests: what must work right after a deploy, checked from outside
 * (through nginx, or the public URL from CI). Each check is one line.
 */

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

const YEAR_SECONDS = 31_536_000;
const TIMEOUT_MS = 10_000;

/** The first fingerprinted asset a page links to: a script, modulepreload or stylesheet under /build/. */
export function findAssetUrl(html: string, pageUrl: string): string | undefined {
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/gi)) {
    const url = new URL(match[1]!.replace(/&amp;/g, "&"), pageUrl);
    if (url.pathname.startsWith("/build/")) return url.href;
  }
  return undefined;
}

/** `public, max-age=31536000, immutable` or stricter-for-longer: cached a year, never revalidated. */
export function isImmutableCaching(cacheControl: string | null): boolean {
  if (!cacheControl) return false;
  const directives = cacheControl.toLowerCase().split(",").map((part) => part.trim());
  const maxAge = Number(directives.find((d) => d.startsWith("max-age="))?.slice("max-age=".length));
  return directives.includes("immutable") && maxAge >= YEAR_SECONDS && !directives.includes("private") && !directives.includes("no-store");
}

export function formatResult(result: CheckResult): string {
  return `${result.ok ? "ok  " : "FAIL"}  ${result.name.padEnd(12)} ${result.detail}`;
}

/** The release a /healthz answer names, when it names one. */
export function releaseInHealth(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { release?: unknown };
    return typeof parsed.release === "string" ? parsed.release : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every check on a connection of its own: right after a reload, nginx's old
 * workers close their idle keep-alive connections, and a request sent on one
 * at that moment fails before anyone read it (browsers quietly retry those).
 */
const get = (url: string, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  headers.set("connection", "close");
  return fetch(url, { redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS), ...init, headers });
};

async function check(name: string, work: () => Promise<string>): Promise<CheckResult> {
  try {
    return { name, ok: true, detail: await work() };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return { name, ok: false, detail: `${(error as Error).message}${cause ? ` (${cause})` : ""}` };
  }
}

function expectStatus(url: string, response: Response, wanted = 200) {
  if (response.status !== wanted) throw new Error(`${url} answered ${response.status}, expected ${wanted}`);
}

/**
 * Follow /auth/login's redirects (the identity provider's, on another host in
 * production) until a page answers 200; cookies are kept per origin, as a
 * browser does, because the sign-in flow sets them on the way.
 */
async function reachSignInPage(baseUrl: string): Promise<string> {
  const jars = new Map<string, CookieJar>();
  const jarFor = (url: string) => {
    const origin = new URL(url).origin;
    if (!jars.has(origin)) jars.set(origin, new CookieJar());
    return jars.get(origin)!;
  };
  let url = `${baseUrl}/auth/login`;
  for (let hop = 0; hop < 8; hop++) {
    const jar = jarFor(url);
    const headers = new Headers();
    const cookie = jar.headerFor(url);
    if (cookie) headers.set("cookie", cookie);
    const response = await get(url, { headers });
    jar.store(response);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get("location") ?? "", url).href;
      continue;
    }
    expectStatus(url, response);
    if (!(response.headers.get("content-type") ?? "").includes("text/html")) throw new Error(`${url} is not an HTML page`);
    return `${new URL(url).origin}${new URL(url).pathname} (after ${hop} redirect${hop === 1 ? "" : "s"})`;
  }
  throw new Error(`/auth/login redirected more than 8 times (last: ${url})`);
}

export async function runSmoke(baseUrl: string): Promise<CheckResult[]> {
  const base = baseUrl.replace(/\/$/, "");
  const results: CheckResult[] = [];
  let landingHtml = "";

  results.push(
    await check("landing", async () => {
      const response = await get(`${base}/`);
      expectStatus(`${base}/`, response);
      landingHtml = await response.text();
      return `/ answered 200 (${landingHtml.length} bytes)`;
    }),
  );
  results.push(
    await check("healthz", async () => {
      const response = await get(`${base}/healthz`);
      expectStatus("/healthz", response);
      const release = releaseInHealth(await response.text());
      return `/healthz answered 200${release ? ` (release ${release})` : ""}`;
    }),
  );
  results.push(
    await check("readyz", async () => {
      const response = await get(`${base}/readyz`);
      const body = await response.text();
      if (response.status !== 200) throw new Error(`/readyz answered ${response.status}: ${body.slice(0, 200)}`);
      return "/readyz answered 200";
    }),
  );
  results.push(await check("sign-in", async () => `sign-in page reachable: ${await reachSignInPage(base)}`));
  results.push(
    await check("asset", async () => {
      if (!landingHtml) throw new Error("no landing page to find an asset in");
      const asset = findAssetUrl(landingHtml, `${base}/`);
      if (!asset) throw new Error("the landing page links no /build/ asset");
      const response = await get(asset);
      expectStatus(asset, response);
      await response.arrayBuffer();
      const cacheControl = response.headers.get("cache-control");
      if (!isImmutableCaching(cacheControl)) throw new Error(`${asset} is cached as "${cacheControl ?? "(no Cache-Control)"}", not immutable for a year`);
      return `${new URL(asset).pathname} answered 200 with "${cacheControl}"`;
    }),
  );
  return results;
}

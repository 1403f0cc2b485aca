/**
 * What the benchmark asks Kapatiran for: five pages, each a request list, and
 * the check that each answers 200 before any figure is taken (a lost session
 * would otherwise be measured as a fast redirect).
 */
import zlib from "node:zlib";
import type { PageRequest } from "./load";
import { requestHeaders, rotate } from "./load";

export type PageName = "directory" | "search" | "card" | "help" | "landing";

export interface Target {
  name: PageName;
  label: string;
  next: () => PageRequest;
}

// Typos and missing accents on purpose: the search is typo-tolerant.
export const SEARCHES = ["santos", "Penaflor", "mria", "dela cruz", "Villanueva", "reyes jos", "bautsta"];
export const HELP_ARTICLE = "finding-members";

/**
 * The pages, signed in as the big church's administrator where a member would
 * be signed in, each reached from another of our pages as a member browsing
 * reaches it; the landing page anonymous and a first visit (signed in, it
 * redirects), so its stylesheet comes inline.
 * `memberIds`: the first directory page's members, for their cards.
 */
export function kapatiranTargets(cookie: string, memberIds: string[]): Target[] {
  const searches = rotate(SEARCHES.map((q) => `/directory?q=${encodeURIComponent(q)}`));
  const cards = rotate(memberIds.map((id) => `/directory/${id}`));
  const signedIn = (path: string): PageRequest => ({ path, cookie, fromOurPage: true });
  return [
    { name: "directory", label: "directory page (signed in)", next: () => signedIn("/directory") },
    { name: "search", label: "directory search", next: () => signedIn(searches()) },
    { name: "card", label: "member card", next: () => signedIn(cards()) },
    { name: "help", label: "help article", next: () => signedIn(`/help/${HELP_ARTICLE}`) },
    { name: "landing", label: "landing page (anonymous, first visit)", next: () => ({ path: "/" }) },
  ];
}

/** The share of each page in the capacity mix: a Sunday's browsing, mostly the directory. */
export const MIX: Record<PageName, number> = { directory: 4, search: 2, card: 2, help: 1, landing: 1 };

/** The mix as one request list: each page its share of every ten requests. */
export function mixedPages(targets: Target[]): () => PageRequest {
  const order = targets.flatMap((target) => Array.from({ length: MIX[target.name] }, () => target.next));
  const pick = rotate(order);
  return () => pick()();
}

/**
 * Every distinct request of `target` once (up to `tries`), answered 200 or
 * the run stops with one clear line. Returns the page's size, plain and gzip.
 */
export async function checkAnswers(baseUrl: string, target: Target, tries = 8): Promise<{ bytes: number; gzipBytes: number }> {
  let html = "";
  for (let i = 0; i < tries; i++) {
    const page = target.next();
    const path = page.path;
    const response = await fetch(`${baseUrl}${path}`, { headers: requestHeaders(baseUrl, page), redirect: "manual" });
    html = await response.text();
    if (response.status !== 200) {
      const where = response.headers.get("location");
      throw new BenchFailure(`${target.label}: GET ${path} answered ${response.status}${where ? ` → ${where}` : ""} instead of 200`);
    }
  }
  return { bytes: Buffer.byteLength(html), gzipBytes: zlib.gzipSync(html).length };
}

/** A run that must not print figures: the page did not answer as it should. */
export class BenchFailure extends Error {}

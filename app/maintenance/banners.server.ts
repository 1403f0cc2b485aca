import { logger } from "~/utils/logger.server";
import { env } from "~/utils/env.server";
import { activeNotices, type NoticeView } from "./notices.server";
import { readOnlyState } from "./read-only.server";
import { announcedWindow, BANNER_CACHE_SLOT, type WindowView } from "./windows.server";

/**
 * What the frame of every page announces: read-only mode, the next
 * maintenance window (from 24 hours before it starts) and status notices.
 * The root loader asks on every page view, so the answer is kept in memory
 * for BANNER_CACHE_MS; a change made in this process clears it at once.
 */

export const BANNER_CACHE_MS = 5000;

export interface Banners {
  readOnly: { enabled: boolean; reason: string | null };
  window: (WindowView & { timeZone: string; running: boolean }) | null;
  notices: NoticeView[];
}

const NONE: Banners = { readOnly: { enabled: false, reason: null }, window: null, notices: [] };

type Cache = { banners: Omit<Banners, "readOnly">; readAt: number };
const holder = globalThis as { [BANNER_CACHE_SLOT]?: Cache };

export async function pageBanners(): Promise<Banners> {
  const now = new Date();
  // The switch has its own, shorter cache (the write gate uses it too).
  const readOnly = await readOnlyState().catch(() => NONE.readOnly);
  let cache = holder[BANNER_CACHE_SLOT];
  if (!cache || now.getTime() - cache.readAt >= BANNER_CACHE_MS) {
    try {
      const [window, notices] = await Promise.all([announcedWindow(now), activeNotices()]);
      cache = {
        banners: { window: window ? { ...window, timeZone: env.MAINTENANCE_TIME_ZONE, running: false } : null, notices },
        readAt: now.getTime(),
      };
      holder[BANNER_CACHE_SLOT] = cache;
    } catch (error) {
      // A page without its banners is better than no page.
      logger.warn({ err: error }, "could not read maintenance banners");
      cache = cache ?? { banners: { window: null, notices: [] }, readAt: 0 };
    }
  }
  const window = cache.banners.window;
  return {
    readOnly: { enabled: readOnly.enabled, reason: readOnly.reason },
    window: window && Date.parse(window.endsAt) > now.getTime()
      ? { ...window, running: Date.parse(window.startsAt) <= now.getTime() }
      : null,
    notices: cache.banners.notices,
  };
}

import { countDistinct, gte, sql } from "drizzle-orm";
import { sessionStore } from "~/auth/session.server";
import { activityDays, invitations } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";

/**
 * Figures about how Kapatiran is used, for /metrics and the EMF lines:
 * active people (from activity_days, written by the rollups), invitations
 * sent and accepted, and live sessions. Each is a count over a table, so the
 * answer is kept for a minute: a scraper every 15 s costs one query round a minute.
 */
export interface BusinessFigures {
  dailyActiveUsers: number;
  monthlyActiveUsers: number;
  invitationsSent30Days: number;
  invitationsAccepted30Days: number;
  activeSessions: number;
}

const CACHE_MS = 60_000;
const DAY_MS = 86_400_000;

// On globalThis: the Express entry and the Remix build are separate bundles that must share one answer.
const slot = Symbol.for("kapatiran.business-figures");
const holder = globalThis as { [slot]?: { at: number; figures: Promise<BusinessFigures> } };

export function businessFigures(now = Date.now()): Promise<BusinessFigures> {
  const cached = holder[slot];
  if (cached && now - cached.at < CACHE_MS) return cached.figures;
  const figures = count(new Date(now));
  holder[slot] = { at: now, figures };
  // A failure is not kept for a minute: the next caller tries again.
  figures.catch(() => {
    if (holder[slot]?.figures === figures) holder[slot] = undefined;
  });
  return figures;
}

/** Forget the kept answer (tests, after writing rows). */
export function forgetBusinessFigures() {
  holder[slot] = undefined;
}

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

async function count(now: Date): Promise<BusinessFigures> {
  const today = utcDay(now);
  const monthStart = utcDay(new Date(now.getTime() - 29 * DAY_MS));
  const since = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const tables = await acrossChurches(async (tx) => {
    const [users] = await tx
      .select({
        daily: sql<number>`count(distinct ${activityDays.userId}) filter (where ${activityDays.day} = ${today})`.mapWith(Number),
        monthly: countDistinct(activityDays.userId),
      })
      .from(activityDays)
      .where(gte(activityDays.day, monthStart));
    const [invited] = await tx
      .select({
        sent: sql<number>`count(*) filter (where ${invitations.createdAt} >= ${since}::timestamptz)`.mapWith(Number),
        accepted: sql<number>`count(*) filter (where ${invitations.acceptedAt} >= ${since}::timestamptz)`.mapWith(Number),
      })
      .from(invitations);
    return { users, invited };
  });
  // Outside the transaction: with PGlite a second transaction inside one hangs.
  const activeSessions = await sessionStore().countActive();
  return {
    dailyActiveUsers: tables.users?.daily ?? 0,
    monthlyActiveUsers: tables.users?.monthly ?? 0,
    invitationsSent30Days: tables.invited?.sent ?? 0,
    invitationsAccepted30Days: tables.invited?.accepted ?? 0,
    activeSessions,
  };
}

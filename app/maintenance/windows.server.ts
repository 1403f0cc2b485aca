import { and, asc, eq, gt, isNull, lte } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "~/db/client.server";
import { maintenanceWindows, type MaintenanceWindow } from "~/db/schema-delivery.server";
import { acrossChurches } from "~/db/tenancy.server";
import { recordAudit } from "~/models/audit.server";
import type { RequestMeta } from "~/models/users.server";
import { env } from "~/utils/env.server";
import { fields, type FieldErrors } from "~/utils/forms";
import { zonedInstant } from "./zoned-time";

/**
 * Scheduled maintenance windows (issue 9): planned on /platform/maintenance in
 * MAINTENANCE_TIME_ZONE, stored as instants, announced on every page from
 * ANNOUNCE_BEFORE_MS before they start until they end. Every function that
 * depends on the time takes `now`, so tests move the clock instead of waiting.
 */

export const ANNOUNCE_BEFORE_MS = 24 * 60 * 60_000;
/** Longer than this is not a maintenance window but an outage: ask for two. */
const LONGEST_MS = 12 * 60 * 60_000;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const scheduleSchema = z.object({
  date: z
    .string()
    .trim()
    .min(1, "forms:required")
    // Empty is "required" alone, not also "not a date".
    .refine((v) => v === "" || (DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), "forms:date"),
  start: z.string().trim().regex(TIME, "maintenance:errors.time"),
  end: z.string().trim().regex(TIME, "maintenance:errors.time"),
  noteEn: fields.optionalText(500),
  noteFil: fields.optionalText(500),
});
export type ScheduleInput = z.infer<typeof scheduleSchema>;

export interface WindowView {
  id: string;
  startsAt: string;
  endsAt: string;
  noteEn: string | null;
  noteFil: string | null;
  createdBy: string | null;
}

const view = (row: MaintenanceWindow): WindowView => ({
  id: row.id,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  noteEn: row.noteEn,
  noteFil: row.noteFil,
  createdBy: row.createdBy,
});

/**
 * The instants a form's date and times stand for in `timeZone`. An end at or
 * before the start means the next day ("23:00–01:00" crosses midnight).
 */
export function windowInstants(input: Pick<ScheduleInput, "date" | "start" | "end">, timeZone = env.MAINTENANCE_TIME_ZONE) {
  const startsAt = zonedInstant(input.date, input.start, timeZone);
  let endsAt = zonedInstant(input.date, input.end, timeZone);
  if (endsAt <= startsAt) endsAt = new Date(endsAt.getTime() + 24 * 60 * 60_000);
  return { startsAt, endsAt };
}

export type ScheduleOutcome = { ok: true; window: WindowView } | { ok: false; errors: FieldErrors };

/** Schedule a window, audited in the platform's chain. Refuses one that starts in the past or runs over 12 hours. */
export async function scheduleWindow(
  actor: { id: string | null; email: string },
  input: ScheduleInput,
  meta: RequestMeta = {},
  now = new Date(),
  database?: Database,
): Promise<ScheduleOutcome> {
  const { startsAt, endsAt } = windowInstants(input);
  if (startsAt <= now) return { ok: false, errors: { date: ["maintenance:errors.past"] } };
  if (endsAt.getTime() - startsAt.getTime() > LONGEST_MS || input.start === input.end) {
    return { ok: false, errors: { end: ["maintenance:errors.length"] } };
  }
  const row = await acrossChurches(async (tx) => {
    const [created] = await tx
      .insert(maintenanceWindows)
      .values({ startsAt, endsAt, noteEn: input.noteEn, noteFil: input.noteFil, createdBy: actor.email })
      .returning();
    await recordAudit(tx, {
      churchId: null,
      actorUserId: actor.id,
      action: "maintenance.window_scheduled",
      recordType: "maintenance_window",
      recordId: created!.id,
      after: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), noteEn: input.noteEn, noteFil: input.noteFil },
      ...meta,
    });
    return created!;
  }, database);
  forgetBanners();
  return { ok: true, window: view(row) };
}

/** Cancel a window that has not ended yet. False when there is no such window (or it is over or cancelled already). */
export async function cancelWindow(actor: { id: string | null }, id: string, meta: RequestMeta = {}, now = new Date()): Promise<boolean> {
  const cancelled = await acrossChurches(async (tx) => {
    const [row] = await tx
      .update(maintenanceWindows)
      .set({ cancelledAt: now })
      .where(and(eq(maintenanceWindows.id, id), isNull(maintenanceWindows.cancelledAt), gt(maintenanceWindows.endsAt, now)))
      .returning();
    if (!row) return false;
    await recordAudit(tx, {
      churchId: null,
      actorUserId: actor.id,
      action: "maintenance.window_cancelled",
      recordType: "maintenance_window",
      recordId: row.id,
      before: { startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() },
      ...meta,
    });
    return true;
  });
  if (cancelled) forgetBanners();
  return cancelled;
}

/** Windows not yet over and not cancelled, soonest first. */
export async function upcomingWindows(now = new Date(), database?: Database): Promise<WindowView[]> {
  const rows = await acrossChurches(
    (tx) =>
      tx
        .select()
        .from(maintenanceWindows)
        .where(and(isNull(maintenanceWindows.cancelledAt), gt(maintenanceWindows.endsAt, now)))
        .orderBy(asc(maintenanceWindows.startsAt))
        .limit(50),
    database,
  );
  return rows.map(view);
}

/** The window every page announces at `now`: the soonest one starting within 24 hours or running. */
export async function announcedWindow(now = new Date(), database?: Database): Promise<WindowView | null> {
  const [row] = await acrossChurches(
    (tx) =>
      tx
        .select()
        .from(maintenanceWindows)
        .where(
          and(
            isNull(maintenanceWindows.cancelledAt),
            gt(maintenanceWindows.endsAt, now),
            lte(maintenanceWindows.startsAt, new Date(now.getTime() + ANNOUNCE_BEFORE_MS)),
          ),
        )
        .orderBy(asc(maintenanceWindows.startsAt))
        .limit(1),
    database,
  );
  return row ? view(row) : null;
}

/*
 * Banners are cached per process (banners.server.ts); a change made here
 * clears that cache through globalThis, which both bundles share.
 */
const bannerSlot = Symbol.for("kapatiran.banner-cache");
export function forgetBanners() {
  delete (globalThis as { [bannerSlot]?: unknown })[bannerSlot];
}
export const BANNER_CACHE_SLOT = bannerSlot;

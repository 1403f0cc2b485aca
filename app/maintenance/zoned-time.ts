/**
 * Wall-clock times in a named time zone, without a date library: a
 * maintenance window is scheduled as "Sunday 02:00–04:00 Philippine time"
 * and stored as two instants. Intl knows every zone's offset (and its summer
 * time, for zones that have one); Asia/Manila has had none since 1978.
 */

/** The zone's offset from UTC at `instant`, in milliseconds (Manila: +8 h). */
export function zoneOffsetMs(timeZone: string, instant: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a wall clock in `timeZone` shows `date` ("2026-11-29") at `time` ("02:00"). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Guess with the offset at the wall time read as UTC, then correct once for a change in between.
  const first = wall - zoneOffsetMs(timeZone, new Date(wall));
  return new Date(wall - zoneOffsetMs(timeZone, new Date(first)));
}

/** The calendar date ("2026-11-29") in `timeZone` at `instant`. */
export function zonedDate(instant: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** "02:00-04:00" (MAINTENANCE_WINDOW) as its two times. */
export function windowHours(setting: string): { start: string; end: string } {
  const [start = "02:00", end = "04:00"] = setting.split("-");
  return { start, end };
}

/** The date of the next time the wall clock in `timeZone` shows `time`: today's if still ahead, else tomorrow's. */
export function nextDateAt(time: string, timeZone: string, now = new Date()): string {
  const today = zonedDate(now, timeZone);
  if (zonedInstant(today, time, timeZone) > now) return today;
  return zonedDate(new Date(now.getTime() + 24 * 60 * 60_000), timeZone);
}

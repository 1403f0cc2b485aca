/**
 * A maintenance window in words, the same on every page's banner and on the
 * read-only 503 page: "Sunday 29 November", "02:00", "04:00", in the
 * window's time zone and the reader's language. Safe for the browser bundle.
 */

export function windowParts(window: { startsAt: string; endsAt: string; timeZone: string }, locale: string) {
  const tag = locale === "fil" ? "fil-PH" : "en-GB";
  const date = new Intl.DateTimeFormat(tag, { weekday: "long", day: "numeric", month: "long", timeZone: window.timeZone });
  const time = new Intl.DateTimeFormat(tag, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: window.timeZone });
  return {
    date: date.format(new Date(window.startsAt)),
    start: time.format(new Date(window.startsAt)),
    end: time.format(new Date(window.endsAt)),
  };
}

/** The zone as people say it: "Philippine time" for Manila (given, translated), else its IANA name. */
export function zoneName(timeZone: string, philippineTime: string): string {
  return timeZone === "Asia/Manila" ? philippineTime : timeZone.replaceAll("_", " ");
}

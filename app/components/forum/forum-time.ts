/**
 * The forum is platform-wide, with no church's time zone to read dates in:
 * the first churches are in the Philippines, so Manila time, as elsewhere
 * when no church is known.
 */
export const FORUM_TIME_ZONE = "Asia/Manila";

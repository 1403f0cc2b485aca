import { env } from "./env.server";

/**
 * "Data saver: never load photos" — a preference of this phone or computer,
 * not of the account, so it lives in a cookie and works signed in or not.
 * Purely functional (it only stops downloads), so it needs no consent.
 */

const NAME = "data_saver";
// Two years: long enough that nobody has to set it again.
const MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

export function dataSaverOn(request: Request): boolean {
  const header = request.headers.get("cookie") ?? "";
  return header.split(";").some((pair) => pair.trim() === `${NAME}=1`);
}

/** The Set-Cookie header that turns data saver on or off. */
export function dataSaverCookie(on: boolean): string {
  const attributes = ["Path=/", "SameSite=Lax", "HttpOnly", ...(env.NODE_ENV === "production" ? ["Secure"] : [])];
  return on ? [`${NAME}=1`, `Max-Age=${MAX_AGE_SECONDS}`, ...attributes].join("; ") : [`${NAME}=`, "Max-Age=0", ...attributes].join("; ");
}

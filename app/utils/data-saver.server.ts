import { env } from "./env.server";

/**
 * Data saver: pages come without any JavaScript and without photos (initials
 * instead), and everything still works through plain forms and links.
 *
 * It is a preference of this phone or computer, not of the account, so it
 * lives in a cookie and works signed in or not. Purely functional (it only
 * stops downloads), so it needs no consent. Without a choice it follows the
 * browser: Chrome's "Lite mode" and many carrier browsers send `Save-Data: on`.
 * An explicit "off" beats the header, because the member chose it on purpose.
 */

const NAME = "data_saver";
// Two years: long enough that nobody has to set it again.
const MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

/** What this device chose; "auto" (no cookie) follows the browser's Save-Data. */
export type DataSaverChoice = "on" | "off" | "auto";

export interface DataSaver {
  /** Pages come without scripts and photos. */
  on: boolean;
  choice: DataSaverChoice;
  /** On only because the browser sent `Save-Data: on`, so the page can say why. */
  fromBrowser: boolean;
}

/**
 * Every response that depends on data saver names this header in `Vary`, so
 * no cache hands a page with scripts to a browser that asked to save data.
 * (The cookie half is covered by `Vary: Cookie` or `Cache-Control: private`.)
 */
export const DATA_SAVER_VARY = "Save-Data";

function choiceFromCookie(request: Request): DataSaverChoice {
  const header = request.headers.get("cookie") ?? "";
  for (const pair of header.split(";")) {
    const [name, value] = pair.trim().split("=");
    if (name !== NAME) continue;
    if (value === "1") return "on";
    if (value === "0") return "off";
  }
  return "auto";
}

/** `Save-Data: on` (the only value the draft defines; parameters after `;` allowed). */
function browserAsks(request: Request): boolean {
  const value = request.headers.get("save-data") ?? "";
  return value.split(";")[0]!.trim().toLowerCase() === "on";
}

/** The one decision: is data saver on for this request, and why. */
export function dataSaverFor(request: Request): DataSaver {
  const choice = choiceFromCookie(request);
  if (choice !== "auto") return { on: choice === "on", choice, fromBrowser: false };
  const fromBrowser = browserAsks(request);
  return { on: fromBrowser, choice, fromBrowser };
}

/** A form's choice; anything else (an unticked form, an old page) means "auto". */
export function dataSaverChoiceOf(value: FormDataEntryValue | null): DataSaverChoice {
  return value === "on" || value === "off" ? value : "auto";
}

/** The Set-Cookie header that records the choice; "auto" clears the cookie. */
export function dataSaverCookie(choice: DataSaverChoice): string {
  const attributes = ["Path=/", "SameSite=Lax", "HttpOnly", ...(env.NODE_ENV === "production" ? ["Secure"] : [])];
  if (choice === "auto") return [`${NAME}=`, "Max-Age=0", ...attributes].join("; ");
  return [`${NAME}=${choice === "on" ? "1" : "0"}`, `Max-Age=${MAX_AGE_SECONDS}`, ...attributes].join("; ");
}

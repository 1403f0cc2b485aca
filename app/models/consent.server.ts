import crypto from "node:crypto";
import { z } from "zod";
import { readCookie } from "~/auth/session.server";
import { consentRecords, type ConsentSource } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { env } from "~/utils/env.server";
import { derivedSecret } from "~/utils/secrets.server";
import { currentPolicyVersion } from "./privacy-policy.server";

/**
 * Cookie consent (ADR 007). A browser's choice lives in ONE strictly necessary
 * cookie, `consent=<id>.<policy version>.<p><a>`: a random consent id, the
 * policy version it was made under, and 1/0 for "preferences" and
 * "analytics". Pages decide the banner from the cookie alone; the
 * consent_records row written at each choice is the proof.
 */

export const CONSENT_COOKIE = "consent";
// A year: long enough not to nag, short enough that the choice is renewed.
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
const USER_AGENT_MAX = 300;

/** The non-necessary categories. Strictly necessary cookies need no choice. */
export interface ConsentChoices {
  preferences: boolean;
  analytics: boolean;
}

export interface ConsentState extends ConsentChoices {
  consentId: string;
  policyVersion: number;
}

// Strict: anything else (a hand-edited or truncated cookie) counts as no choice.
const COOKIE_VALUE = /^([A-Za-z0-9_-]{22})\.(0|[1-9][0-9]{0,8})\.([01])([01])$/;

/** The choice this browser made, or null when it made none we can read. */
export function consentState(request: Request): ConsentState | null {
  const raw = readCookie(request, CONSENT_COOKIE);
  const match = raw ? COOKIE_VALUE.exec(raw) : null;
  if (!match) return null;
  return {
    consentId: match[1]!,
    policyVersion: Number(match[2]),
    preferences: match[3] === "1",
    analytics: match[4] === "1",
  };
}

/** Global Privacy Control or Do Not Track: a refusal of every non-necessary category. */
export function browserRefuses(request: Request): boolean {
  return request.headers.get("sec-gpc")?.trim() === "1" || request.headers.get("dnt")?.trim() === "1";
}

/** No readable choice yet, or one made under an older privacy policy. */
export function needsChoice(state: ConsentState | null, currentVersion: number): boolean {
  return !state || state.policyVersion < currentVersion;
}

/** Whether non-necessary cookies of a category may be set for this request. */
export function allows(request: Request, category: keyof ConsentChoices): boolean {
  if (browserRefuses(request)) return false;
  return consentState(request)?.[category] ?? false;
}

// The policy version is read on every page (the banner); it changes only when
// staff publish, so keep it for a minute and forget it at once on publish.
let cachedVersion: { value: number; until: number } | null = null;
const VERSION_TTL_MS = 60_000;

export async function policyVersionForBanner(): Promise<number> {
  if (cachedVersion && cachedVersion.until > Date.now()) return cachedVersion.value;
  const value = await currentPolicyVersion();
  cachedVersion = { value, until: Date.now() + VERSION_TTL_MS };
  return value;
}

/** Called after a new version is published so this process asks again at once. */
export function forgetPolicyVersion() {
  cachedVersion = null;
}

/** What the root loader hands the page frame to decide the banner. */
export async function consentForPage(request: Request) {
  const policyVersion = await policyVersionForBanner();
  const state = consentState(request);
  return {
    needsChoice: needsChoice(state, policyVersion),
    browserRefuses: browserRefuses(request),
    policyVersion,
    // The banner says "we updated our policy" only to someone who chose before.
    policyChanged: state !== null && state.policyVersion < policyVersion,
  };
}
export type PageConsent = Awaited<ReturnType<typeof consentForPage>>;

/**
 * The three ways a form says what it wants: accept everything, only the
 * necessary, or save the boxes ticked. Checkboxes send "on" or nothing;
 * anything else is refused with a field error, not a 500.
 */
export const consentForm = z.object({
  choice: z.enum(["all", "necessary", "save"], { message: "consent:errors.choice" }),
  preferences: z.enum(["on"], { message: "consent:errors.checkbox" }).optional(),
  analytics: z.enum(["on"], { message: "consent:errors.checkbox" }).optional(),
  returnTo: z.string().max(2000).optional(),
  source: z.enum(["banner", "preferences"], { message: "consent:errors.choice" }).optional(),
});
export type ConsentFormData = z.infer<typeof consentForm>;

export function choicesOf(form: ConsentFormData): ConsentChoices {
  if (form.choice === "all") return { preferences: true, analytics: true };
  if (form.choice === "necessary") return { preferences: false, analytics: false };
  return { preferences: form.preferences === "on", analytics: form.analytics === "on" };
}

/** A keyed hash, so the record can match a later request from the same address without keeping it. */
export function addressHash(clientIp: string): string | null {
  if (!clientIp) return null;
  return crypto.createHmac("sha256", derivedSecret("consent-address")).update(clientIp).digest("hex");
}

export function consentCookie(state: ConsentState): string {
  const value = `${state.consentId}.${state.policyVersion}.${state.preferences ? 1 : 0}${state.analytics ? 1 : 0}`;
  // HttpOnly: no script of ours reads it. Lax: sent on the top-level visit that shows the banner.
  const attributes = ["Path=/", "SameSite=Lax", "HttpOnly", ...(env.NODE_ENV === "production" ? ["Secure"] : [])];
  return [`${CONSENT_COOKIE}=${value}`, `Max-Age=${MAX_AGE_SECONDS}`, ...attributes].join("; ");
}

export interface RecordConsentInput {
  request: Request;
  choices: ConsentChoices;
  source: ConsentSource;
  userId: string | null;
  clientIp: string;
}

/**
 * Stores the proof of a choice and answers the Set-Cookie that remembers it.
 * A browser that sends GPC/DNT is recorded as refusing, with source
 * "browser-signal", whatever the form said (ADR 007).
 */
export async function recordConsent(input: RecordConsentInput): Promise<{ setCookie: string; state: ConsentState }> {
  const refuses = browserRefuses(input.request);
  const choices = refuses ? { preferences: false, analytics: false } : input.choices;
  const source: ConsentSource = refuses ? "browser-signal" : input.source;
  const consentId = consentState(input.request)?.consentId ?? crypto.randomBytes(16).toString("base64url");
  const policyVersion = await currentPolicyVersion();
  await acrossChurches((tx) =>
    tx.insert(consentRecords).values({
      consentId,
      policyVersion,
      categories: { preferences: choices.preferences, analytics: choices.analytics },
      source,
      userId: input.userId,
      addressHash: addressHash(input.clientIp),
      userAgent: input.request.headers.get("user-agent")?.slice(0, USER_AGENT_MAX) ?? null,
    })
  );
  const state = { consentId, policyVersion, ...choices };
  return { setCookie: consentCookie(state), state };
}

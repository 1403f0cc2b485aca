import { env } from "~/utils/env.server";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { readCookie } from "./session.server";

/** The page to return to after sign-in, kept for the round trip to the identity provider. */
const production = env.NODE_ENV === "production";
const RETURN_COOKIE = production ? "__Host-kapatiran_return_to" : "kapatiran_return_to";
const attributes = `Path=/; HttpOnly; SameSite=Lax${production ? "; Secure" : ""}`;

export function rememberReturnTo(target: string | null): string {
  const path = safeRedirectPath(target, "");
  return path
    ? `${RETURN_COOKIE}=${encodeURIComponent(path)}; Max-Age=600; ${attributes}`
    : `${RETURN_COOKIE}=; Max-Age=0; ${attributes}`;
}

/** Checked again on the way back: a cookie is input too. */
export function returnToOf(request: Request): string | undefined {
  const raw = readCookie(request, RETURN_COOKIE);
  if (!raw) return undefined;
  try {
    return safeRedirectPath(decodeURIComponent(raw), "") || undefined;
  } catch {
    return undefined;
  }
}

export const forgetReturnTo = () => `${RETURN_COOKIE}=; Max-Age=0; ${attributes}`;

import crypto from "node:crypto";
import { Authenticator } from "remix-auth";
import { OAuth2RequestError, OAuth2Strategy } from "remix-auth-oauth2";
import { env } from "~/utils/env.server";
import { derivedSecret } from "~/utils/secrets.server";
import type { SignInFailure } from "~/utils/security-log.server";
import { signInWithIdentity, type RequestMeta, type SignInOutcome } from "~/models/users.server";
import { IdTokenError, remoteKeys, verifyIdToken } from "./id-token.server";
import { identityProvider } from "./identity-provider.server";

/**
 * Google sign-in through Cognito's hosted UI: OAuth 2 code flow with PKCE
 * (S256, from remix-auth-oauth2), `state` in a short-lived cookie, and a
 * `nonce` derived from that state with our secret — so the nonce is bound to
 * the same browser without a second cookie, and the ID token must carry it.
 */

const production = env.NODE_ENV === "production";
export const STATE_COOKIE = production ? "__Host-kapatiran_oauth" : "kapatiran_oauth";

/**
 * remix-auth-oauth2 names each attempt's cookie `<STATE_COOKIE>:<uuid>` (one
 * per tab). After a callback, every one of them is spent: expire them all, so
 * replaying the callback URL finds no state.
 */
export function forgetSignInState(request: Request): string[] {
  const names = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("=")[0] ?? "")
    .filter((name) => name.startsWith(STATE_COOKIE));
  const secure = production ? "; Secure" : "";
  return names.map((name) => `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
}

export function nonceFor(state: string): string {
  return crypto.createHmac("sha256", derivedSecret("oidc-nonce")).update(state).digest("base64url");
}

class CognitoStrategy extends OAuth2Strategy<SignInOutcome> {
  override name = "cognito";

  protected override authorizationParams(params: URLSearchParams): URLSearchParams {
    const extended = new URLSearchParams(params);
    extended.set("nonce", nonceFor(params.get("state") ?? ""));
    // Straight to Google, skipping Cognito's provider chooser.
    extended.set("identity_provider", "Google");
    return extended;
  }
}

/** What the callback passes down to `signInWithIdentity` (request id, address for the audit). */
const requestMeta = new WeakMap<Request, RequestMeta>();

function createAuthenticator() {
  const idp = identityProvider();
  const authenticator = new Authenticator<SignInOutcome>();
  authenticator.use(
    new CognitoStrategy(
      {
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        authorizationEndpoint: idp.authorizationEndpoint,
        tokenEndpoint: idp.tokenEndpoint,
        redirectURI: idp.redirectUri,
        scopes: ["openid", "email", "profile"],
        cookie: {
          name: STATE_COOKIE,
          path: "/",
          httpOnly: true,
          sameSite: "Lax",
          maxAge: 10 * 60,
          ...(production ? { secure: true as const } : {}),
        },
      },
      async ({ tokens, request }) => {
        const state = new URL(request.url).searchParams.get("state") ?? "";
        const identity = await verifyIdToken(tokens.idToken(), {
          issuer: idp.issuer,
          audience: idp.clientId,
          nonce: nonceFor(state),
          keys: remoteKeys(idp.jwksUri),
        });
        return signInWithIdentity(identity, requestMeta.get(request));
      },
    ),
  );
  return authenticator;
}

let authenticator: Authenticator<SignInOutcome> | undefined;
const auth = () => (authenticator ??= createAuthenticator());

/** Sends the browser to the hosted UI; always throws the redirect Response. */
export async function startSignIn(request: Request): Promise<never> {
  await auth().authenticate("cognito", request);
  throw new Error("the sign-in strategy did not redirect");
}

export type CallbackResult = SignInOutcome | { ok: false; reason: SignInFailure; detail: string };

/** Finishes the code flow; every failure becomes a reason, never an exception. */
export async function finishSignIn(request: Request, meta: RequestMeta): Promise<CallbackResult> {
  requestMeta.set(request, meta);
  try {
    return await auth().authenticate("cognito", request);
  } catch (error) {
    if (error instanceof Response) throw error;
    return { ok: false, ...classify(error) };
  }
}

function classify(error: unknown): { reason: SignInFailure; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof IdTokenError) return { reason: "bad_token", detail: `${error.reason}: ${detail}` };
  // remix-auth-oauth2: a missing or mismatched state is a ReferenceError/RangeError.
  if (error instanceof ReferenceError || error instanceof RangeError) return { reason: "bad_state", detail };
  if (error instanceof OAuth2RequestError) {
    // An error in the redirect itself (user cancelled at Google) vs. a refused code exchange.
    return { reason: error.state ? "provider_error" : "code_exchange", detail: `${error.code}: ${detail}` };
  }
  return { reason: "code_exchange", detail };
}

import { env } from "~/utils/env.server";
import { derivedSecret } from "~/utils/secrets.server";

/**
 * Where sign-in happens. With Cognito settings: the Cognito hosted UI (Google
 * behind it). Without: the app's own OpenID provider under /oidc
 * (server/local-idp), which answers on the same paths with the same claims.
 * The sign-in code reads only this object, so it cannot tell the two apart.
 */
export interface IdentityProvider {
  kind: "cognito" | "local";
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  /** Cognito's /logout, which ends the hosted UI's session too. */
  logoutEndpoint: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  logoutRedirectUri: string;
}

export const LOCAL_CLIENT_ID = "kapatiran-local";

function build(): IdentityProvider {
  const redirectUri = `${env.appUrl}/auth/callback`;
  const logoutRedirectUri = `${env.appUrl}/`;
  if (env.cognitoOrigin) {
    const issuer = `https://cognito-idp.${env.AWS_REGION}.amazonaws.com/${env.COGNITO_USER_POOL_ID}`;
    const domain = env.cognitoOrigin;
    return {
      kind: "cognito",
      issuer,
      authorizationEndpoint: `${domain}/oauth2/authorize`,
      tokenEndpoint: `${domain}/oauth2/token`,
      jwksUri: `${issuer}/.well-known/jwks.json`,
      logoutEndpoint: `${domain}/logout`,
      clientId: env.COGNITO_CLIENT_ID ?? "",
      clientSecret: env.COGNITO_CLIENT_SECRET ?? "",
      redirectUri,
      logoutRedirectUri,
    };
  }
  const issuer = `${env.appUrl}/oidc`;
  return {
    kind: "local",
    issuer,
    authorizationEndpoint: `${issuer}/oauth2/authorize`,
    tokenEndpoint: `${issuer}/oauth2/token`,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    logoutEndpoint: `${issuer}/logout`,
    clientId: LOCAL_CLIENT_ID,
    clientSecret: derivedSecret("local-idp-client"),
    redirectUri,
    logoutRedirectUri,
  };
}

let cached: IdentityProvider | undefined;
export function identityProvider(): IdentityProvider {
  return (cached ??= build());
}

/** Cognito's logout URL: ends the hosted UI session, then comes back to our home page. */
export function logoutUrl(): string {
  const idp = identityProvider();
  const url = new URL(idp.logoutEndpoint);
  url.searchParams.set("client_id", idp.clientId);
  url.searchParams.set("logout_uri", idp.logoutRedirectUri);
  return url.toString();
}

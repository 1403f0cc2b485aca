import type { Router } from "express";
import { identityProvider } from "../../app/auth/identity-provider.server";
import { DEMO_ACCOUNTS } from "../../app/db/seed/demo.server";
import { env } from "../../app/utils/env.server";
import { derivedSecret } from "../../app/utils/secrets.server";
import { createLocalIdentityProvider } from "./index";

/** The local provider, configured to match what the app's sign-in code expects; none when Cognito is set. */
export async function localIdentityProviderFromEnv(): Promise<Router | undefined> {
  if (!env.localIdentityProvider) return undefined;
  const idp = identityProvider();
  return createLocalIdentityProvider({
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    redirectUri: idp.redirectUri,
    logoutRedirectUri: idp.logoutRedirectUri,
    cookieSecret: derivedSecret("local-idp-cookies"),
    demoAccounts: DEMO_ACCOUNTS,
    production: env.NODE_ENV === "production",
  });
}

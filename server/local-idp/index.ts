import type { IncomingMessage, ServerResponse } from "node:http";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from "jose";
import type { Account, Configuration, CookieOptions, Interaction, Provider } from "oidc-provider";
import { z } from "zod";
import { logger } from "../../app/utils/logger.server";
import { AccountDirectory, cognitoClaims, normalizeEmail, type DemoAccount } from "./accounts";
import { pageHeaders, renderProblemPage, renderSignInPage } from "./sign-in-page";

/**
 * The local identity provider: a real OpenID Connect provider (oidc-provider)
 * that stands in for the Cognito hosted UI with Google, for development and
 * tests. Same paths as Cognito under the issuer, same code flow (PKCE S256,
 * nonce, `identity_provider=Google`), same ID token claims. Never in production.
 */

export interface LocalIdentityProviderOptions {
  /** e.g. "http://localhost:3000/oidc"; the router is mounted at this URL's path. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** e.g. "http://localhost:3000/auth/callback" */
  redirectUri: string;
  /** e.g. "http://localhost:3000/"; the only place /logout sends the browser. */
  logoutRedirectUri: string;
  /** At least 32 characters; signs the provider's cookies. */
  cookieSecret: string;
  /** Listed on the sign-in page, one click each. */
  demoAccounts: readonly DemoAccount[];
  /** When true, creation throws: the provider is never served in production. */
  production: boolean;
}

const SCOPE = "openid email profile";

/** Cognito's own lifetimes, roughly: a 5-minute code, 1-hour tokens and hosted-UI session. */
const TTL = {
  AuthorizationCode: 5 * 60,
  AccessToken: 60 * 60,
  IdToken: 60 * 60,
  Interaction: 10 * 60,
  Session: 60 * 60,
  Grant: 60 * 60,
} as const;

const emailSchema = z.object({
  email: z
    .string({ required_error: "Enter your e-mail address." })
    .trim()
    .min(1, "Enter your e-mail address.")
    .max(254, "That e-mail address is too long.")
    .email("Enter an e-mail address like name@example.com."),
});

export async function createLocalIdentityProvider(options: LocalIdentityProviderOptions): Promise<Router> {
  if (options.production) {
    throw new Error("The local identity provider is for development only");
  }
  if (options.cookieSecret.length < 32) {
    throw new Error("The local identity provider's cookieSecret must be at least 32 characters");
  }
  const { issuer, clientId, clientSecret, redirectUri, logoutRedirectUri, demoAccounts } = options;
  const issuerUrl = new URL(issuer);
  const basePath = issuerUrl.pathname.replace(/\/$/, "");
  const formTargets = [issuerUrl.origin, new URL(redirectUri).origin];
  const accounts = new AccountDirectory(demoAccounts);

  // Only the provider's own paths get its cookies, so they never reach (or
  // collide with) the app's. The session cookie has no expiry: sign-in is
  // remembered for the browser session only (see `remember: false` below).
  const cookieOptions: CookieOptions = { httpOnly: true, sameSite: "lax", path: basePath || "/" };

  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), alg: "RS256", use: "sig" };
  const jwks = { keys: [{ ...signingKey, kid: await calculateJwkThumbprint(signingKey) }] };

  const { default: OidcProvider, errors } = await withoutDevNotices(() => import("oidc-provider"));

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
        id_token_signed_response_alg: "RS256",
        // Cognito always puts auth_time in the ID token.
        require_auth_time: true,
        scope: SCOPE,
      },
    ],
    // Either is accepted whatever the client registered (oidc-provider treats the two as one).
    clientAuthMethods: ["client_secret_basic", "client_secret_post"],
    responseTypes: ["code"],
    scopes: ["openid"],
    subjectTypes: ["public"],
    pkce: { required: () => true },
    // Cognito's parameter; anything but Google is refused as Cognito would.
    extraParams: {
      identity_provider(_ctx, value) {
        if (value !== undefined && value !== "Google") {
          throw new errors.InvalidRequest("identity_provider must be Google");
        }
      },
    },
    // Claims by scope. `conformIdTokenClaims: false` puts the scope's claims in
    // the ID token itself, as Cognito does, not only behind /oauth2/userInfo.
    claims: {
      openid: ["sub", "token_use", "cognito:username", "identities"],
      email: ["email", "email_verified"],
      profile: ["name"],
    },
    conformIdTokenClaims: false,
    routes: {
      authorization: "/oauth2/authorize",
      token: "/oauth2/token",
      userinfo: "/oauth2/userInfo",
      jwks: "/.well-known/jwks.json",
    },
    features: {
      devInteractions: { enabled: false },
      // Cognito has its own /logout (below), not RP-initiated logout.
      rpInitiatedLogout: { enabled: false },
      // Neither exists at Cognito; keep the discovery document to what the app can rely on there.
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      userinfo: { enabled: true },
    },
    interactions: {
      // A path, not a URL: the browser stays on whatever host it came in by.
      url: (_ctx, interaction) => `${basePath}/interaction/${interaction.uid}`,
    },
    cookies: {
      keys: [options.cookieSecret],
      names: { session: "local_idp_session", interaction: "local_idp_interaction", resume: "local_idp_resume" },
      long: cookieOptions,
      short: cookieOptions,
    },
    jwks,
    ttl: TTL,
    findAccount(_ctx, sub): Account | undefined {
      const account = accounts.find(sub);
      if (!account) return undefined;
      return { accountId: account.sub, claims: (use) => cognitoClaims(account, use) };
    },
    // A first-party client: consent is implied, so a grant is made on the spot
    // and the consent prompt never shows.
    async loadExistingGrant(ctx) {
      const { client, session, result } = ctx.oidc;
      if (!client || !session.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId ? await provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new provider.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope(SCOPE);
      await grant.save();
      return grant;
    },
    // The app's server is the only caller of the token and userinfo endpoints.
    clientBasedCORS: () => false,
    renderError(ctx, out) {
      for (const [name, value] of Object.entries(pageHeaders(formTargets))) ctx.set(name, value);
      ctx.body = renderProblemPage({
        title: "Sign-in could not continue",
        message: "The local identity provider refused this request.",
        details: [
          ["error", out.error],
          ...(out.error_description ? [["error_description", out.error_description] as const] : []),
        ],
        backTo: logoutRedirectUri,
      });
    },
  };

  const provider: Provider = await withoutDevNotices(async () => new OidcProvider(issuer, configuration));
  // Koa's trust of X-Forwarded-Proto/-Host, like Express's `trust proxy`: cookies
  // are marked Secure when the proxy in front says the browser used https.
  provider.proxy = true;
  provider.on("server_error", (_ctx: unknown, error: unknown) => {
    logger.error({ err: error }, "local identity provider error");
  });

  const sendPage = (res: Response, status: number, html: string) => {
    res.status(status).set(pageHeaders(formTargets)).send(html);
  };

  const problem = (res: Response, status: number, title: string, message: string) =>
    sendPage(res, status, renderProblemPage({ title, message, backTo: logoutRedirectUri }));

  /** The pending sign-in for this browser, or a 400 page when it expired or belongs to another tab. */
  async function pendingInteraction(req: Request, res: Response): Promise<Interaction | undefined> {
    try {
      const interaction = await provider.interactionDetails(req, res);
      if (interaction.uid === req.params.uid) return interaction;
    } catch (error) {
      if (!(error instanceof errors.OIDCProviderError)) throw error;
    }
    problem(
      res,
      400,
      "This sign-in has expired",
      "Go back to Kapatiran and choose “Sign in” again.",
    );
    return undefined;
  }

  const router = express.Router();

  router.get(
    "/interaction/:uid",
    handle(async (req, res) => {
      const interaction = await pendingInteraction(req, res);
      if (!interaction) return;
      if (interaction.prompt.name === "login") {
        const hint = interaction.params.login_hint;
        sendPage(
          res,
          200,
          renderSignInPage({
            action: `${basePath}/interaction/${interaction.uid}/login`,
            demoAccounts,
            email: typeof hint === "string" ? hint : "",
          }),
        );
        return;
      }
      if (interaction.prompt.name === "consent" && interaction.session?.accountId) {
        // Normally loadExistingGrant has already granted; this covers a grant that expired mid-way.
        const clientIdParam = String(interaction.params.client_id ?? clientId);
        const grant =
          (interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ??
          new provider.Grant({ accountId: interaction.session.accountId, clientId: clientIdParam });
        grant.addOIDCScope(SCOPE);
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { consent: { grantId } });
        return;
      }
      problem(res, 400, "Sign-in could not continue", "The local identity provider cannot answer this request.");
    }),
  );

  router.post(
    "/interaction/:uid/login",
    express.urlencoded({ extended: false, limit: "4kb" }),
    handle(async (req, res) => {
      const interaction = await pendingInteraction(req, res);
      if (!interaction) return;
      if (interaction.prompt.name !== "login") {
        problem(res, 400, "Sign-in could not continue", "This sign-in is not waiting for an e-mail address.");
        return;
      }
      const body = (req.body ?? {}) as Record<string, unknown>;
      const parsed = emailSchema.safeParse(body);
      if (!parsed.success) {
        sendPage(
          res,
          400,
          renderSignInPage({
            action: `${basePath}/interaction/${interaction.uid}/login`,
            demoAccounts,
            email: typeof body.email === "string" ? body.email : "",
            error: parsed.error.issues[0]?.message ?? "Enter an e-mail address like name@example.com.",
          }),
        );
        return;
      }
      const account = accounts.signIn(normalizeEmail(parsed.data.email));
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub, remember: false } },
        { mergeWithLastSubmission: false },
      );
    }),
  );

  // Cognito's logout: ends the hosted UI's own session, so the next sign-in asks
  // again, then returns to the app — only to the registered sign-out URL.
  router.get(
    "/logout",
    handle(async (req, res) => {
      if (req.query.client_id !== clientId) {
        problem(res, 400, "Sign-out could not continue", "The client_id is missing or unknown.");
        return;
      }
      if (req.query.logout_uri !== logoutRedirectUri) {
        problem(res, 400, "Sign-out could not continue", "The logout_uri is missing or not registered for this client.");
        return;
      }
      await endProviderSession(provider, req, res, cookieOptions);
      res.set("Cache-Control", "no-store").redirect(302, logoutRedirectUri);
    }),
  );

  // Everything else (discovery, authorize, token, userinfo, JWKS) is oidc-provider's.
  // It reads its own request bodies: no body parser may run before it.
  const callback = provider.callback();
  router.use((req: IncomingMessage, res: ServerResponse, next: NextFunction) => {
    callback(req, res).catch(next);
  });

  return router;
}

/**
 * Destroys the provider's session (and the grants it holds) in the store, and
 * expires its cookie and signature in the browser on the provider's path.
 * Destroying the stored session is what counts: a replayed old cookie then
 * finds nothing and the sign-in page shows again.
 */
async function endProviderSession(provider: Provider, req: Request, res: Response, cookieOptions: CookieOptions) {
  // oidc-provider 8 keeps its Koa application on `.app`.
  const ctx = provider.app.createContext(req, res);
  const session = await provider.Session.get(ctx);
  if (!session.new) {
    for (const { grantId } of Object.values(session.authorizations ?? {})) {
      if (grantId) await (await provider.Grant.find(grantId))?.destroy();
    }
    await session.destroy();
  }
  // Signed cookies: setting null expires both `local_idp_session` and `local_idp_session.sig`.
  ctx.cookies.set(provider.cookieName("session"), null, cookieOptions);
}

function handle(fn: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).catch(next);
  };
}

/**
 * oidc-provider prints quick-start notices on import and construction, such as
 * that its in-memory store is for development. That is known and accepted here
 * (this provider only ever runs in development and tests), so only those
 * notices are held back while the provider loads; every other message passes.
 */
const DEV_NOTICES = [/^oidc-provider WARNING: Unsupported runtime/, /^oidc-provider WARNING: a quick start development-only in-memory adapter/];
let quieted = 0;
let originalWarn: typeof console.warn = console.warn;

async function withoutDevNotices<T>(load: () => Promise<T>): Promise<T> {
  if (quieted++ === 0) {
    originalWarn = console.warn;
    const warn = originalWarn;
    console.warn = (...args: unknown[]) => {
      const first = args[0];
      // Colour codes wrap the text when stderr is a terminal.
      const text = typeof first === "string" ? first.replace(/\x1b\[[0-9;]*m/g, "") : "";
      if (DEV_NOTICES.some((notice) => notice.test(text))) return;
      warn.apply(console, args);
    };
  }
  try {
    return await load();
  } finally {
    if (--quieted === 0) console.warn = originalWarn;
  }
}

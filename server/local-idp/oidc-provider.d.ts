/**
 * oidc-provider ships no TypeScript types (and @types/oidc-provider is not a
 * dependency). These cover only what server/local-idp uses; if the @types
 * package is ever added, delete this file.
 */
declare module "oidc-provider" {
  import type { EventEmitter } from "node:events";
  import type { IncomingMessage, ServerResponse } from "node:http";

  export interface CookieOptions {
    httpOnly?: boolean;
    sameSite?: "lax" | "strict" | "none";
    path?: string;
    secure?: boolean;
    signed?: boolean;
  }

  /** The slice of Koa's context used outside oidc-provider's own routes. */
  export interface KoaContext {
    req: IncomingMessage;
    res: ServerResponse;
    type: string;
    body: unknown;
    status: number;
    secure: boolean;
    path: string;
    set(field: string, value: string): void;
    cookies: {
      get(name: string, options?: CookieOptions): string | undefined;
      set(name: string, value: string | null, options?: CookieOptions): unknown;
    };
  }

  export interface AdapterPayload {
    [key: string]: unknown;
  }

  export interface ClaimsValue {
    [claim: string]: unknown;
  }

  export interface Account {
    accountId: string;
    claims(use: "id_token" | "userinfo", scope: string, claims: unknown, rejected: string[]): Promise<ClaimsValue> | ClaimsValue;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    id_token_signed_response_alg?: string;
    require_auth_time?: boolean;
    scope?: string;
  }

  export interface Client {
    clientId: string;
  }

  export interface InteractionPrompt {
    name: string;
    reasons: string[];
    details: Record<string, unknown>;
  }

  export interface Interaction {
    uid: string;
    jti: string;
    exp: number;
    returnTo: string;
    prompt: InteractionPrompt;
    params: Record<string, unknown>;
    session?: { accountId: string; uid?: string; cookie?: string };
    grantId?: string;
    lastSubmission?: Record<string, unknown>;
  }

  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean; ts?: number; amr?: string[]; acr?: string };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
    [key: string]: unknown;
  }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    jti: string;
    accountId?: string;
    clientId?: string;
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
    destroy(): Promise<void>;
    static find(id: string): Promise<Grant | undefined>;
  }

  export interface Session {
    readonly new?: boolean;
    jti: string;
    uid: string;
    accountId?: string;
    authorizations?: Record<string, { sid?: string; grantId?: string }>;
    grantIdFor(clientId: string): string | undefined;
    destroy(): Promise<void>;
  }

  /** `ctx.oidc` inside oidc-provider's routes and configuration helpers. */
  export interface OIDCContext {
    session: Session;
    client?: Client;
    result?: InteractionResults;
    params?: Record<string, unknown>;
  }

  export interface ProviderContext extends KoaContext {
    oidc: OIDCContext;
  }

  export interface ErrorOut {
    error: string;
    error_description?: string;
    [key: string]: unknown;
  }

  export interface Configuration {
    clients?: ClientMetadata[];
    clientAuthMethods?: string[];
    clientBasedCORS?: (ctx: ProviderContext, origin: string, client: Client) => boolean;
    claims?: Record<string, string[] | null>;
    conformIdTokenClaims?: boolean;
    cookies?: {
      keys?: string[];
      names?: { session?: string; interaction?: string; resume?: string };
      long?: CookieOptions;
      short?: CookieOptions;
    };
    extraParams?: string[] | Record<string, ((ctx: ProviderContext, value: string | undefined, client: Client) => void | Promise<void>) | null>;
    features?: Record<string, { enabled: boolean; [option: string]: unknown }>;
    findAccount?: (ctx: ProviderContext, sub: string, token?: unknown) => Promise<Account | undefined> | Account | undefined;
    interactions?: { url?: (ctx: ProviderContext, interaction: Interaction) => string | Promise<string> };
    jwks?: { keys: Record<string, unknown>[] };
    loadExistingGrant?: (ctx: ProviderContext) => Promise<Grant | undefined>;
    pkce?: { required?: (ctx: ProviderContext, client: Client) => boolean };
    renderError?: (ctx: ProviderContext, out: ErrorOut, error: Error) => void | Promise<void>;
    responseTypes?: string[];
    routes?: Partial<Record<"authorization" | "end_session" | "jwks" | "token" | "userinfo" | "revocation" | "introspection" | "registration" | "pushed_authorization_request" | "code_verification" | "device_authorization" | "backchannel_authentication" | "challenge" | "credential", string>>;
    scopes?: string[];
    subjectTypes?: string[];
    ttl?: Partial<Record<"AccessToken" | "AuthorizationCode" | "Grant" | "IdToken" | "Interaction" | "RefreshToken" | "Session", number>>;
  }

  export class Provider extends EventEmitter {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    /** Koa's: trust X-Forwarded-Proto/Host. */
    proxy: boolean;
    keys?: string[];
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    readonly app: { createContext(req: IncomingMessage, res: ServerResponse): KoaContext };
    cookieName(type: "session" | "interaction" | "resume"): string;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionResult(req: IncomingMessage, res: ServerResponse, result: InteractionResults, options?: { mergeWithLastSubmission?: boolean }): Promise<string>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: InteractionResults, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
    urlFor(name: string, options?: Record<string, unknown>): string;
    readonly Grant: typeof Grant;
    readonly Session: { get(ctx: KoaContext): Promise<Session> };
  }

  export class OIDCProviderError extends Error {
    constructor(status: number, message: string);
    error: string;
    error_description?: string;
    status: number;
    statusCode: number;
    expose: boolean;
  }

  export const errors: {
    OIDCProviderError: typeof OIDCProviderError;
    InvalidRequest: new (description?: string) => OIDCProviderError;
    SessionNotFound: new (description?: string) => OIDCProviderError;
  };

  export default Provider;
}

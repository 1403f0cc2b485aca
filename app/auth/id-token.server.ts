import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";

/**
 * Verifies a Cognito ID token: signature by `kid` against the pool's JWKS,
 * issuer, audience (our client id), `token_use`, expiry and the nonce we sent.
 * Never trust a token by decoding it alone.
 */

export interface VerifiedIdentity {
  sub: string;
  email: string;
  emailVerified: boolean;
  /** Google's user id, from Cognito's `identities` claim. */
  googleId: string | null;
  name: string | null;
}

export class IdTokenError extends Error {
  override name = "IdTokenError";
  constructor(
    readonly reason: "signature" | "issuer" | "audience" | "expired" | "nonce" | "token_use" | "claims",
    message: string,
  ) {
    super(message);
  }
}

export interface VerifyOptions {
  issuer: string;
  audience: string;
  nonce: string;
  keys: JWTVerifyGetKey;
  /** Seconds of clock skew tolerated. */
  clockTolerance?: number;
}

const jwksCache = new Map<string, JWTVerifyGetKey>();
/** One key set per JWKS URL, cached and refreshed by jose when a new `kid` appears. */
export function remoteKeys(jwksUri: string): JWTVerifyGetKey {
  let keys = jwksCache.get(jwksUri);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
    jwksCache.set(jwksUri, keys);
  }
  return keys;
}

export async function verifyIdToken(token: string, options: VerifyOptions): Promise<VerifiedIdentity> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, options.keys, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: ["RS256"],
      clockTolerance: options.clockTolerance ?? 30,
      requiredClaims: ["sub", "exp", "iat"],
    }));
  } catch (error) {
    throw translate(error);
  }
  if (payload.token_use !== "id") throw new IdTokenError("token_use", "not an ID token");
  if (typeof payload.nonce !== "string" || payload.nonce !== options.nonce) {
    throw new IdTokenError("nonce", "nonce does not match this browser's sign-in");
  }
  if (typeof payload.email !== "string" || !payload.sub) throw new IdTokenError("claims", "no e-mail in the token");
  return {
    sub: payload.sub,
    email: payload.email.trim().toLowerCase(),
    emailVerified: payload.email_verified === true || payload.email_verified === "true",
    googleId: googleIdOf(payload.identities),
    name: typeof payload.name === "string" ? payload.name : null,
  };
}

/** Cognito sends `identities` as a JSON string: [{ providerName: "Google", userId: "…" }]. */
function googleIdOf(identities: unknown): string | null {
  try {
    const list = typeof identities === "string" ? JSON.parse(identities) : identities;
    if (!Array.isArray(list)) return null;
    const google = list.find((entry) => entry && entry.providerName === "Google");
    return google && typeof google.userId === "string" ? google.userId : null;
  } catch {
    return null;
  }
}

function translate(error: unknown): IdTokenError {
  if (error instanceof errors.JWTExpired) return new IdTokenError("expired", "the token has expired");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return new IdTokenError("issuer", "the token is from another issuer");
    if (error.claim === "aud") return new IdTokenError("audience", "the token is for another client");
    return new IdTokenError("claims", `claim ${error.claim} is not acceptable`);
  }
  return new IdTokenError("signature", error instanceof Error ? error.message : "the token's signature is not valid");
}

import { exportJWK, generateKeyPair, SignJWT, createLocalJWKSet, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { IdTokenError, verifyIdToken } from "~/auth/id-token.server";

const issuer = "https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_TEST";
const audience = "client-123";
const nonce = "nonce-abc";

let signingKey: CryptoKey;
let otherKey: CryptoKey;
let keys: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  const other = await generateKeyPair("RS256", { extractable: true });
  signingKey = pair.privateKey;
  otherKey = other.privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: "key-1", alg: "RS256", use: "sig" };
  keys = createLocalJWKSet({ keys: [jwk] });
});

function token(claims: Record<string, unknown> = {}, options: { key?: CryptoKey; exp?: number | string; kid?: string } = {}) {
  return new SignJWT({
    email: "Maria.Santos@Example.com",
    email_verified: true,
    token_use: "id",
    nonce,
    "cognito:username": "Google_109876543210987654321",
    identities: JSON.stringify([{ userId: "109876543210987654321", providerName: "Google", providerType: "Google" }]),
    ...claims,
  })
    .setProtectedHeader({ alg: "RS256", kid: options.kid ?? "key-1" })
    .setSubject("8f14e45f-ceea-467f-a0e6-7e2b1f0d3c1a")
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(options.exp ?? "5m")
    .sign(options.key ?? signingKey);
}

const verify = async (jwt: string, overrides: Partial<Parameters<typeof verifyIdToken>[1]> = {}) =>
  verifyIdToken(jwt, { issuer, audience, nonce, keys, ...overrides });

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: unknown) => (error instanceof IdTokenError ? error.reason : `unexpected: ${String(error)}`),
  );

describe("ID token verification", () => {
  it("accepts a good token and reads the Google id from `identities`", async () => {
    expect(await verify(await token())).toEqual({
      sub: "8f14e45f-ceea-467f-a0e6-7e2b1f0d3c1a",
      email: "maria.santos@example.com",
      emailVerified: true,
      googleId: "109876543210987654321",
      name: null,
    });
  });

  it("refuses a token signed by another key", async () => {
    expect(await reasonOf(verify(await token({}, { key: otherKey })))).toBe("signature");
  });

  it("refuses a token whose kid is unknown", async () => {
    expect(await reasonOf(verify(await token({}, { kid: "key-2" })))).toBe("signature");
  });

  it("refuses a token for another audience", async () => {
    expect(await reasonOf(verify(await token(), { audience: "someone-else" }))).toBe("audience");
  });

  it("refuses a token from another issuer", async () => {
    expect(await reasonOf(verify(await token(), { issuer: "https://evil.example" }))).toBe("issuer");
  });

  it("refuses an expired token", async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    expect(await reasonOf(verify(await token({}, { exp: past })))).toBe("expired");
  });

  it("refuses a token carrying another browser's nonce, or none", async () => {
    expect(await reasonOf(verify(await token({ nonce: "someone-elses" })))).toBe("nonce");
    expect(await reasonOf(verify(await token({ nonce: undefined })))).toBe("nonce");
  });

  it("refuses an access token presented as an ID token", async () => {
    expect(await reasonOf(verify(await token({ token_use: "access" })))).toBe("token_use");
  });

  it("refuses a token whose payload was altered after signing", async () => {
    const [header, payload, signature] = (await token()).split(".");
    const altered = JSON.parse(Buffer.from(payload!, "base64url").toString());
    altered.email = "admin@grace.example";
    const forged = [header, Buffer.from(JSON.stringify(altered)).toString("base64url"), signature].join(".");
    expect(await reasonOf(verify(forged))).toBe("signature");
  });

  it("refuses an unsigned token", async () => {
    const [, payload] = (await token()).split(".");
    const none = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${payload}.`;
    expect(await reasonOf(verify(none))).toBe("signature");
  });
});

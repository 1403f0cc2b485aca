import crypto from "node:crypto";

/**
 * Who signs in at the local identity provider, and the claims Cognito would
 * put in their ID token after a Google sign-in. Everything is derived from the
 * e-mail address, so the same address gets the same `sub` and Google id across
 * restarts — the app's users table keeps matching.
 */

export interface DemoAccount {
  email: string;
  displayName: string;
  role: string;
}

export interface LocalAccount {
  /** Cognito's `sub`: a UUID. */
  sub: string;
  email: string;
  /** 21 digits, like a Google account id. */
  googleId: string;
  name: string;
  /** When this process first saw the address, as Cognito records the federated identity's creation. */
  createdAt: number;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function digest(purpose: string, email: string): Buffer {
  return crypto.createHash("sha256").update(`kapatiran-local-idp:${purpose}:${email}`).digest();
}

/**
 * Deterministic, but laid out as a version-4 UUID (version and variant bits set)
 * because Cognito's subs are v4 and strict validators check those bits.
 */
export function subFor(email: string): string {
  const bytes = digest("sub", normalizeEmail(email)).subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Google account ids are 21 decimal digits starting with 1. */
export function googleIdFor(email: string): string {
  const value = BigInt(`0x${digest("google", normalizeEmail(email)).subarray(0, 16).toString("hex")}`);
  return `1${(value % 10n ** 20n).toString().padStart(20, "0")}`;
}

/**
 * Accounts seen since start, by `sub`. oidc-provider looks accounts up by id
 * (the `sub`), which cannot be turned back into an e-mail, so sign-in records
 * the account here first.
 */
export class AccountDirectory {
  readonly #bySub = new Map<string, LocalAccount>();
  readonly #demo: ReadonlyMap<string, DemoAccount>;

  constructor(demoAccounts: readonly DemoAccount[]) {
    this.#demo = new Map(demoAccounts.map((account) => [normalizeEmail(account.email), account]));
  }

  /** The account for an address (already validated), recorded for later look-ups. */
  signIn(email: string): LocalAccount {
    const normalized = normalizeEmail(email);
    const sub = subFor(normalized);
    let account = this.#bySub.get(sub);
    if (!account) {
      account = {
        sub,
        email: normalized,
        googleId: googleIdFor(normalized),
        name: this.#demo.get(normalized)?.displayName ?? normalized.split("@")[0] ?? normalized,
        createdAt: Date.now(),
      };
      this.#bySub.set(sub, account);
    }
    return account;
  }

  find(sub: string): LocalAccount | undefined {
    return this.#bySub.get(sub);
  }
}

/**
 * The claims Cognito issues for a Google-federated user. `identities` is a JSON
 * *string*, as Cognito sends it; `token_use` only belongs in the ID token.
 */
export function cognitoClaims(account: LocalAccount, use: "id_token" | "userinfo"): Record<string, unknown> {
  const identities = JSON.stringify([
    {
      userId: account.googleId,
      providerName: "Google",
      providerType: "Google",
      issuer: null,
      primary: "true",
      dateCreated: String(account.createdAt),
    },
  ]);
  return {
    sub: account.sub,
    email: account.email,
    email_verified: true,
    name: account.name,
    "cognito:username": `Google_${account.googleId}`,
    identities,
    ...(use === "id_token" ? { token_use: "id" } : {}),
  };
}

/** The personas, the row type and the shorthands every area of the matrix is written with. */

export const PERSONAS = ["anonymous", "member", "leader", "admin", "staff", "ops", "otherAdmin"] as const;
export type Persona = (typeof PERSONAS)[number];

export type Expected = number | readonly number[];

export interface MatrixRow {
  /** The Remix route pattern this row covers (as the build reports it), or an Express path. */
  route: string;
  method: "GET" | "POST";
  /** The concrete path requested; defaults to `route`. */
  path?: string;
  /** Form fields for a POST: chosen so that an allowed persona gets a harmless answer (usually 400). */
  form?: Record<string, string>;
  expect: Record<Persona, Expected>;
}

/** Shorthands for the common shapes. */
export const signedInOnly = (allowed: Expected): Record<Persona, Expected> => ({
  anonymous: 302,
  member: allowed,
  leader: allowed,
  admin: allowed,
  staff: allowed,
  ops: allowed,
  otherAdmin: allowed,
});
export const everyone = (status: Expected): Record<Persona, Expected> => ({
  ...signedInOnly(status),
  anonymous: status,
});
/** The forum's people: everyone signed in but platform operators (neither post:forum nor moderate:forum). */
export const forumUsers = (allowed: Expected): Record<Persona, Expected> => ({ ...signedInOnly(allowed), ops: 403 });
/** Signed-in personas not named get 403; anonymous visitors are sent to sign in. */
export const only = (allowed: Partial<Record<Persona, Expected>>): Record<Persona, Expected> => ({
  ...signedInOnly(403),
  ...allowed,
});

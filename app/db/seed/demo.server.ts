import { sql } from "drizzle-orm";
import { db, type Database } from "~/db/client.server";
import type { BuiltInRoleKey } from "~/auth/permissions";
import { churches } from "~/db/schema.server";
import { acrossChurches, type Tx } from "~/db/tenancy.server";
import { logger } from "~/utils/logger.server";
import { GROUP_CATALOGUE, planGroups, type GroupDefinition } from "./groups";
import { planPeople, type Persona } from "./people";
import { Random } from "./random";
import { existingSlugs, writeChurch, writePlatformAccounts, type ChurchPlan, type WrittenChurch } from "./write.server";

/**
 * Demo data for the embedded default (DESIGN.md "Demo data") and a large
 * church for benchmarks. Everything is planned from a fixed random seed, so
 * two runs give the same people, and written in one transaction, so a failed
 * run leaves nothing half-seeded behind.
 */

export interface SeedSummary {
  churches: number;
  members: number;
  households: number;
  groups: number;
  groupMemberships: number;
  users: number;
}

export interface DemoAccount {
  email: string;
  displayName: string;
  role: BuiltInRoleKey;
  /** Slug of the account's church; none for platform staff. */
  church?: "grace" | "hope";
}

/** The sign-in accounts of DESIGN.md, for the local identity provider's picker and for tests. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "admin@grace.example", displayName: "Cristina Villanueva", role: "church_admin", church: "grace" },
  { email: "leader@grace.example", displayName: "Jericho Ramos", role: "group_leader", church: "grace" },
  { email: "member@grace.example", displayName: "Maria Santos", role: "member", church: "grace" },
  { email: "admin@hope.example", displayName: "Josefina Aquino", role: "church_admin", church: "hope" },
  { email: "staff@kapatiran.example", displayName: "Andrea Pascual", role: "support_staff" },
  { email: "ops@kapatiran.example", displayName: "Miguel Castillo", role: "platform_admin" },
];

/** The member behind each church-level demo account: head of a household, with a believable age. */
const PERSONAS: Record<string, Omit<Persona, "email">> = {
  "admin@grace.example": { givenName: "Cristina", familyName: "Villanueva", gender: "female", age: 46, householdSize: 3 },
  "leader@grace.example": { givenName: "Jericho", familyName: "Ramos", gender: "male", age: 27, householdSize: 1 },
  "member@grace.example": { givenName: "Maria", familyName: "Santos", gender: "female", age: 38, householdSize: 4 },
  "admin@hope.example": { givenName: "Josefina", familyName: "Aquino", gender: "female", age: 52, householdSize: 2 },
};

const G = GROUP_CATALOGUE;
const DEMO_CHURCHES = {
  grace: {
    name: "Grace Fellowship (demo)",
    groups: [G.youth, G.worship, G.women, G.men, G.children, G.prayer, G.music, G.outreach],
    /** Group memberships that demos and tests rely on, by account e-mail. */
    leads: { "leader@grace.example": [G.youth.name] },
    joins: { "member@grace.example": [G.women.name], "admin@grace.example": [G.prayer.name] },
  },
  hope: {
    name: "Hope Chapel (demo)",
    groups: [G.worship, G.bibleStudy, G.sundaySchool],
    leads: { "admin@hope.example": [G.bibleStudy.name] },
    joins: {},
  },
} satisfies Record<string, { name: string; groups: GroupDefinition[]; leads: Record<string, string[]>; joins: Record<string, string[]> }>;

type DemoSlug = keyof typeof DEMO_CHURCHES;

export class SeedConflictError extends Error {
  override name = "SeedConflictError";
}

/** Seed Grace Fellowship and Hope Chapel with their demo accounts. Fails if either slug is taken. */
export function seedDemo(
  database: Database,
  options: { graceMembers?: number; hopeMembers?: number } = {},
): Promise<SeedSummary> {
  return acrossChurches((tx) => seedDemoIn(tx, options), database);
}

/**
 * The start-up hook: seed only a database with no churches at all, so demo
 * data never lands beside real congregations.
 */
export async function seedDemoIfEmpty(database: Database = db()): Promise<boolean> {
  const started = performance.now();
  const summary = await acrossChurches(async (tx) => {
    // Blue and green may start together on one fresh database; the second waits, then finds churches.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [anyChurch] = await tx.select({ id: churches.id }).from(churches).limit(1);
    return anyChurch ? undefined : seedDemoIn(tx, {});
  }, database);
  if (!summary) return false;
  logger.info({ ...summary, ms: Math.round(performance.now() - started) }, "seeded demo churches");
  return true;
}

const SEED_LOCK_KEY = 7_274_282;

async function seedDemoIn(tx: Tx, options: { graceMembers?: number; hopeMembers?: number }): Promise<SeedSummary> {
  const taken = await existingSlugs(tx, Object.keys(DEMO_CHURCHES));
  if (taken.length > 0) {
    throw new SeedConflictError(`Demo churches already exist (${taken.join(", ")}); seed a fresh database instead`);
  }
  // One set for both churches, so no two demo members share an e-mail address.
  const takenEmails = new Set<string>();
  const written = [
    await writeChurch(tx, planDemoChurch("grace", positive(options.graceMembers ?? 300, "graceMembers"), takenEmails)),
    await writeChurch(tx, planDemoChurch("hope", positive(options.hopeMembers ?? 50, "hopeMembers"), takenEmails)),
  ];
  const platformUsers = await writePlatformAccounts(
    tx,
    DEMO_ACCOUNTS.filter((account) => account.church === undefined),
  );
  return summarize(written, platformUsers);
}

function planDemoChurch(slug: DemoSlug, count: number, takenEmails: Set<string>): ChurchPlan {
  const church = DEMO_CHURCHES[slug];
  const accounts = DEMO_ACCOUNTS.filter((account) => account.church === slug);
  // Seeded by slug: changing Grace's size leaves Hope's people as they were.
  const random = new Random(`demo:${slug}`);
  const people = planPeople(random, {
    count,
    takenEmails,
    personas: accounts.map((account) => ({ ...required(PERSONAS[account.email]), email: account.email })),
  });
  const personOf = (email: string) => people.personas[accounts.findIndex((a) => a.email === email)];
  const byGroup = (assignments: Record<string, string[]>) => {
    const result = new Map<string, number[]>();
    for (const [email, groupNames] of Object.entries(assignments)) {
      const person = personOf(email);
      if (person === undefined) continue;
      for (const name of groupNames) result.set(name, [...(result.get(name) ?? []), person]);
    }
    return result;
  };
  const groupPlan = planGroups(random, people.people, church.groups, {
    leaders: byGroup(church.leads),
    members: byGroup(church.joins),
  });
  return {
    slug,
    name: church.name,
    ...people,
    ...groupPlan,
    accounts: accounts.map((account) => ({ ...account, person: personOf(account.email) })),
  };
}

export interface LargeChurchOptions {
  members: number;
  slug?: string;
  name?: string;
}

/**
 * A big congregation for benchmarks (`npm run seed -- --members 10000`): the
 * same kind of households as the demo, about twenty groups, and one
 * church_admin account, admin@<slug>.example, to sign in as.
 */
export function seedLargeChurch(database: Database, options: LargeChurchOptions): Promise<SeedSummary> {
  const { slug = "big", name = "Big Church (benchmark)" } = options;
  const count = positive(options.members, "members");
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(slug)) {
    throw new Error(`Slug "${slug}" must be lowercase letters, digits and inner hyphens (at most 63)`);
  }
  return acrossChurches(async (tx) => {
    if ((await existingSlugs(tx, [slug])).length > 0) {
      throw new SeedConflictError(`A church with slug "${slug}" already exists; choose another slug`);
    }
    const random = new Random(`large:${slug}`);
    const adminEmail = `admin@${slug}.example`;
    const people = planPeople(random, {
      count,
      // Its own domain keeps its members' addresses apart from the demo churches'.
      emailDomains: [`${slug}.example.com`],
      personas: [{ givenName: "Ramon", familyName: "Bautista", gender: "male", age: 50, householdSize: 4, email: adminEmail }],
    });
    const groupPlan = planGroups(random, people.people, Object.values(GROUP_CATALOGUE));
    const written = await writeChurch(tx, {
      slug,
      name,
      ...people,
      ...groupPlan,
      accounts: [{ email: adminEmail, displayName: "Ramon Bautista", role: "church_admin", person: people.personas[0] }],
    });
    return summarize([written], 0);
  }, database);
}

function summarize(written: WrittenChurch[], platformUsers: number): SeedSummary {
  const total = (key: keyof Omit<WrittenChurch, "churchId">) => written.reduce((sum, church) => sum + church[key], 0);
  return {
    churches: written.length,
    members: total("members"),
    households: total("households"),
    groups: total("groups"),
    groupMemberships: total("groupMemberships"),
    users: total("users") + platformUsers,
  };
}

function positive(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${what} must be a whole number of 1 or more (got ${value})`);
  return value;
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("Every church-level demo account needs a persona");
  return value;
}

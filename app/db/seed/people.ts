import { DEFAULT_PRIVACY, type PrivacyChoices } from "~/db/schema.server";
import {
  EMAIL_DOMAINS,
  FAMILY_NAMES,
  FEMALE_GIVEN_NAMES,
  LOCALITIES,
  MALE_GIVEN_NAMES,
  MOBILE_PREFIXES,
  STREETS,
} from "./names";
import type { Random } from "./random";

/**
 * Households and the people in them, as plain data (no ids, no database), so
 * the same random seed always plans the same congregation.
 */

export type Gender = "female" | "male";

export interface PlannedHousehold {
  name: string;
  address: string;
}

export interface PlannedPerson {
  household: number;
  givenName: string;
  familyName: string;
  /** Only steers name choice and group eligibility; members have no gender column. */
  gender: Gender;
  age: number;
  birthday: string;
  email: string | null;
  phone: string | null;
  address: string;
  privacy: PrivacyChoices;
  listed: boolean;
}

/** A named person the demo needs (the member behind a demo account), head of their own household. */
export interface Persona {
  givenName: string;
  familyName: string;
  gender: Gender;
  age: number;
  email: string;
  householdSize: number;
}

export interface PeoplePlan {
  households: PlannedHousehold[];
  people: PlannedPerson[];
  /** Index in `people` of each persona, in the order given. */
  personas: number[];
}

export interface PeopleOptions {
  count: number;
  personas?: Persona[];
  emailDomains?: readonly string[];
  /** Addresses already used in this seed run; new ones are added, so e-mails stay unique across churches. */
  takenEmails?: Set<string>;
}

/*
 * Ages are counted from a fixed year, not today, so a seed run next year
 * plans the same birthdays (and the same teenagers in Youth Ministry).
 */
const SEED_YEAR = 2025;

export function planPeople(random: Random, options: PeopleOptions): PeoplePlan {
  const { count, personas = [], emailDomains = EMAIL_DOMAINS, takenEmails = new Set<string>() } = options;
  const plan: PeoplePlan = { households: [], people: [], personas: [] };
  const emailFor = (givenName: string, familyName: string) =>
    uniqueEmail(random, givenName, familyName, emailDomains, takenEmails);

  for (const persona of personas) {
    if (plan.people.length >= count) break;
    takenEmails.add(persona.email.toLowerCase());
    const size = Math.min(persona.householdSize, count - plan.people.length);
    plan.personas.push(plan.people.length);
    addHousehold(random, plan, size, persona, emailFor);
  }
  while (plan.people.length < count) {
    const size = Math.min(
      random.weighted<number>([[1, 14], [2, 20], [3, 22], [4, 22], [5, 14], [6, 8]]),
      count - plan.people.length,
    );
    addHousehold(random, plan, size, undefined, emailFor);
  }
  return plan;
}

type EmailFor = (givenName: string, familyName: string) => string;

function addHousehold(random: Random, plan: PeoplePlan, size: number, persona: Persona | undefined, emailFor: EmailFor) {
  const household = plan.households.length;
  const familyName = persona?.familyName ?? random.pick(FAMILY_NAMES);
  const address = randomAddress(random);
  plan.households.push({ name: `${familyName} Family`, address });

  const usedNames = new Set<string>(persona ? [persona.givenName] : []);
  const person = (gender: Gender, age: number, givenName = randomGivenName(random, gender, usedNames)): PlannedPerson => {
    usedNames.add(givenName);
    const contactable = age >= 13;
    return {
      household,
      givenName,
      familyName,
      gender,
      age,
      birthday: randomBirthday(random, age),
      email: contactable && random.chance(age < 18 ? 0.6 : age > 65 ? 0.55 : 0.85) ? emailFor(givenName, familyName) : null,
      phone: contactable && random.chance(age < 18 ? 0.7 : 0.92) ? randomMobile(random) : null,
      address,
      ...randomPrivacy(random),
    };
  };

  const headGender: Gender = persona?.gender ?? (random.chance(0.5) ? "male" : "female");
  if (size === 1) {
    if (persona) {
      plan.people.push(asPersona(person(persona.gender, persona.age, persona.givenName), persona));
      return;
    }
    // Living alone: mostly young professionals and widowed seniors.
    const [youngest, oldest] = random.weighted<readonly [number, number]>([[[19, 35], 3], [[36, 64], 2], [[65, 88], 2]]);
    plan.people.push(person(headGender, random.int(youngest, oldest)));
    return;
  }

  const headAge = persona?.age ?? random.int(26, 68);
  const head = person(headGender, headAge, persona?.givenName);
  const spouse = person(headGender === "male" ? "female" : "male", Math.max(20, headAge + random.int(-5, 5)));
  const members = [persona ? asPersona(head, persona) : head, spouse];
  // A lolo or lola living with the family is common; only when there is room for children too.
  if (size >= 5 && headAge <= 55 && random.chance(0.35)) {
    members.push(person(random.chance(0.6) ? "female" : "male", Math.min(95, headAge + random.int(24, 32))));
  }
  const oldestChild = Math.max(0, Math.min(headAge - 20, 30));
  while (members.length < size) {
    members.push(person(random.chance(0.5) ? "male" : "female", random.int(0, oldestChild)));
  }
  plan.people.push(...members);
}

/** The account's own e-mail, and the defaults, so a demo user sees predictable data about themselves. */
function asPersona(person: PlannedPerson, persona: Persona): PlannedPerson {
  return { ...person, email: persona.email, privacy: { ...DEFAULT_PRIVACY }, listed: true };
}

/** Siblings do not share a first name; a few tries, then give up rather than loop. */
function randomGivenName(random: Random, gender: Gender, used: Set<string>): string {
  const names = gender === "male" ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES;
  let name = random.pick(names);
  for (let tries = 0; tries < 8 && used.has(name); tries++) name = random.pick(names);
  return name;
}

function randomAddress(random: Random): string {
  const street = random.pick(STREETS);
  const locality = random.pick(LOCALITIES);
  // Subdivisions number by block and lot rather than by house.
  return random.chance(0.3)
    ? `Blk ${random.int(1, 40)} Lot ${random.int(1, 60)} ${street}, ${locality}`
    : `${random.int(1, 999)} ${street}, ${locality}`;
}

function randomBirthday(random: Random, age: number): string {
  const year = SEED_YEAR - age;
  const month = random.int(1, 12);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = random.int(1, daysInMonth);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function randomMobile(random: Random): string {
  return `+63 ${random.pick(MOBILE_PREFIXES)} ${random.digits(3)} ${random.digits(4)}`;
}

/**
 * Most members keep the defaults; a few choose otherwise, so the privacy
 * policy and the directory have something to hide and something to show.
 */
function randomPrivacy(random: Random): { privacy: PrivacyChoices; listed: boolean } {
  const privacy = { ...DEFAULT_PRIVACY };
  if (random.chance(0.12)) privacy.phone = "church";
  if (random.chance(0.06)) privacy.birthday = "hidden";
  if (random.chance(0.04)) privacy.address = "hidden";
  if (random.chance(0.03)) privacy.email = "admins";
  return { privacy, listed: !random.chance(0.02) };
}

/** "Ma. Theresa" + "Dela Cruz" → "matheresa.delacruz": ASCII only, as people really write them. */
export function emailLocalPart(givenName: string, familyName: string): string {
  const plain = (text: string) =>
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z]/g, "");
  return `${plain(givenName)}.${plain(familyName)}`;
}

function uniqueEmail(
  random: Random,
  givenName: string,
  familyName: string,
  domains: readonly string[],
  taken: Set<string>,
): string {
  const local = emailLocalPart(givenName, familyName);
  const domain = random.pick(domains);
  for (let n = 1; ; n++) {
    const email = n === 1 ? `${local}@${domain}` : `${local}${n}@${domain}`;
    if (!taken.has(email)) {
      taken.add(email);
      return email;
    }
  }
}

import type { PlannedPerson } from "./people";
import type { Random } from "./random";

/**
 * Ministries and who joins them. Eligibility keeps the data believable (no
 * five-year-olds in Men's Fellowship), which matters once someone demos the
 * directory filtered by group.
 */

export interface GroupDefinition {
  name: string;
  description: string;
  /** Who may join as a member. */
  eligible: (person: PlannedPerson) => boolean;
  /** Share of eligible people who join. */
  share: number;
}

export interface PlannedGroup {
  name: string;
  description: string;
}

export interface PlannedMembership {
  group: number;
  person: number;
  role: "leader" | "member";
}

export interface GroupPlan {
  groups: PlannedGroup[];
  memberships: PlannedMembership[];
}

const adult = (p: PlannedPerson) => p.age >= 18;
const ages = (min: number, max: number) => (p: PlannedPerson) => p.age >= min && p.age <= max;

export const GROUP_CATALOGUE = {
  youth: { name: "Youth Ministry", description: "Friday fellowship and Bible study for ages 13 to 24.", eligible: ages(13, 24), share: 0.6 },
  worship: { name: "Worship Team", description: "Leads the Sunday service in song and prayer.", eligible: ages(16, 55), share: 0.07 },
  women: { name: "Women's Ministry", description: "Bible study, mentoring and outreach by the women of the church.", eligible: (p) => p.gender === "female" && p.age >= 25, share: 0.35 },
  men: { name: "Men's Fellowship", description: "Saturday breakfast, accountability and service.", eligible: (p) => p.gender === "male" && p.age >= 25, share: 0.3 },
  children: { name: "Children's Church", description: "Sunday school for children aged 3 to 12.", eligible: ages(3, 12), share: 0.7 },
  prayer: { name: "Prayer Warriors", description: "Wednesday evening prayer meeting and the prayer chain.", eligible: ages(35, 95), share: 0.2 },
  music: { name: "Music Ministry", description: "Choir, band and sound team.", eligible: ages(14, 60), share: 0.06 },
  outreach: { name: "Outreach", description: "Feeding programs, medical missions and relief work.", eligible: adult, share: 0.1 },
  sundaySchool: { name: "Sunday School", description: "Classes for every age before the main service.", eligible: ages(4, 17), share: 0.5 },
  bibleStudy: { name: "Bible Study", description: "Midweek study of a book of the Bible.", eligible: adult, share: 0.15 },
  couples: { name: "Couples' Fellowship", description: "Monthly gathering of married couples.", eligible: ages(25, 70), share: 0.15 },
  singles: { name: "Singles Ministry", description: "Fellowship for single adults.", eligible: ages(22, 40), share: 0.12 },
  seniors: { name: "Senior Citizens", description: "Fellowship and care for members 60 and over.", eligible: ages(60, 99), share: 0.4 },
  ushers: { name: "Ushering Team", description: "Welcomes and seats everyone on Sunday.", eligible: ages(16, 70), share: 0.04 },
  media: { name: "Media Team", description: "Livestream, slides and the church page.", eligible: ages(15, 45), share: 0.03 },
  hospitality: { name: "Hospitality", description: "Merienda after service and care for visitors.", eligible: adult, share: 0.05 },
  missions: { name: "Missions", description: "Supports church planting in the provinces.", eligible: adult, share: 0.04 },
  discipleship: { name: "Discipleship", description: "One-on-one mentoring for new believers.", eligible: ages(15, 80), share: 0.08 },
  campus: { name: "Campus Ministry", description: "Bible study groups at nearby universities.", eligible: ages(17, 24), share: 0.3 },
  sports: { name: "Sports Ministry", description: "Basketball and volleyball leagues with a purpose.", eligible: ages(12, 45), share: 0.08 },
} satisfies Record<string, GroupDefinition>;

/**
 * Everyone eligible joins with the group's share; then 1–2 leaders per group,
 * counting any fixed leaders (such as a demo account) among them. Leaders are
 * adults even where members are children.
 */
export function planGroups(
  random: Random,
  people: readonly PlannedPerson[],
  definitions: readonly GroupDefinition[],
  fixed: { leaders?: Map<string, number[]>; members?: Map<string, number[]> } = {},
): GroupPlan {
  const plan: GroupPlan = { groups: [], memberships: [] };
  const leaderPool = people.flatMap((p, index) => (p.age >= 21 && p.age <= 70 && p.listed ? [index] : []));

  definitions.forEach((definition, group) => {
    plan.groups.push({ name: definition.name, description: definition.description });
    const leaders = [...new Set(fixed.leaders?.get(definition.name) ?? [])];
    const wanted = Math.max(leaders.length, random.int(1, 2));
    // Prefer leaders who are themselves eligible (a woman leads Women's Ministry), else any adult.
    const candidates = leaderPool.filter((i) => !leaders.includes(i) && definition.eligible(people[i] as PlannedPerson));
    const pool = candidates.length >= wanted ? candidates : leaderPool.filter((i) => !leaders.includes(i));
    leaders.push(...random.sample(pool, wanted - leaders.length));
    const taken = new Set(leaders);
    for (const person of leaders) plan.memberships.push({ group, person, role: "leader" });

    for (const person of fixed.members?.get(definition.name) ?? []) {
      if (taken.has(person)) continue;
      taken.add(person);
      plan.memberships.push({ group, person, role: "member" });
    }
    people.forEach((p, person) => {
      if (taken.has(person) || !definition.eligible(p) || !random.chance(definition.share)) return;
      plan.memberships.push({ group, person, role: "member" });
    });
  });
  return plan;
}

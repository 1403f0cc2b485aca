import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { groupMemberships, groups, households, members } from "~/db/schema.server";
import { readingChurch, type Tx } from "~/db/tenancy.server";
import {
  isListedFor,
  levelsForAnyMember,
  seesUnlisted,
  visibleMember,
  type Viewer,
  type VisibleMember,
} from "~/privacy/policy";
import { cachedAt, generationKey, generationOf, knownGeneration } from "~/utils/cache.server";
import { processCache } from "~/utils/process-cache.server";
import { RECORD, withGroupIds } from "./member-records.server";
import type { CurrentUser } from "./users.server";

export const PAGE_SIZE = 25;

export interface DirectoryEntry extends VisibleMember {
  householdId: string | null;
}

export interface DirectoryPage {
  entries: DirectoryEntry[];
  page: number;
  pageCount: number;
  total: number;
}

export interface DirectoryQuery {
  page?: number;
  /** Free text over names: accent- and case-insensitive, typo-tolerant. */
  q?: string;
  groupId?: string;
}

/** The viewer as the privacy policy needs them: their permissions and the groups they lead. */
export async function viewerFor(user: CurrentUser): Promise<Viewer> {
  const churchId = user.churchId;
  if (!churchId) return { ...user, ledGroupIds: [] };
  return readingChurch(churchId, async (tx) => viewerIn(tx, user, (await directoryCache(tx, churchId)).cached));
}

async function viewerIn(tx: Tx, user: CurrentUser, cached: DirectoryCache): Promise<Viewer> {
  const ledGroupIds = await cached(`led:${user.id}`, async () => (await directoryQueries.ledGroups(tx, user.id)).map((row) => row.groupId));
  return { ...user, ledGroupIds };
}

// Only bounds memory: the church's "directory" generation is what retires a stale copy.
const DIRECTORY_CACHE_TTL_SECONDS = 600;

type DirectoryCache = <T>(key: string, load: () => Promise<T>) => Promise<T>;

/**
 * The church's lookups that change only when its members, groups or
 * memberships do — the viewer's led groups, the church's groups, the count —
 * from the shared cache, filed under the church's "directory" generation read
 * here in `tx`. A trigger bumps it in every transaction that changes those
 * rows (migration 0019, ADR 011). A page's rows themselves are always read:
 * they are what the privacy policy decides on.
 */
async function directoryCache(tx: Tx, churchId: string): Promise<{ generation: number; cached: DirectoryCache }> {
  const generation = await generationOf(tx, directoryScope(churchId));
  return {
    generation,
    cached: (key, load) => cachedAt(directoryScope(churchId), generation, key, DIRECTORY_CACHE_TTL_SECONDS, load),
  };
}

const directoryScope = (churchId: string) => `directory:${churchId}` as const;

const searchName = members.searchName;

/**
 * SQL narrows the list to members whose name this viewer can possibly see
 * (so counting and paging happen in the database); the policy function then
 * decides every row again, so SQL can never show more than the policy allows.
 */
function nameReachable(viewer: Viewer): SQL {
  const own = eq(members.userId, viewer.id);
  // privacy->>'name' as a stored column: the directory filter index covers it (migration 0018).
  const nameLevel = members.nameLevel;
  const levels = levelsForAnyMember(viewer);
  if (levels.length === 0) return own;
  const byLevel = [inArray(nameLevel, levels)];
  if (viewer.ledGroupIds.length > 0 && !levels.includes("leaders")) {
    byLevel.push(and(eq(nameLevel, "leaders"), inArray(members.id, membersOf([...viewer.ledGroupIds])))!);
  }
  const listed = seesUnlisted(viewer) ? sql`true` : eq(members.listed, true);
  return or(own, and(listed, or(...byLevel)))!;
}

const membersOf = (groupIds: string[]) =>
  new QueryBuilder()
    .select({ id: groupMemberships.memberId })
    .from(groupMemberships)
    .where(inArray(groupMemberships.groupId, groupIds));

/**
 * Names like the query: a substring, or close enough to a word of it
 * (trigrams) for typos — looked up through the trigram index by
 * kapatiran_matching_members (migration 0006), for the current church only.
 */
export function matching(q: string): SQL {
  return sql`${members.id} in (select member_id from kapatiran_matching_members(${q}))`;
}

/**
 * One page of the directory: a fixed handful of queries whatever the page or
 * church size (count, page, the page's group memberships), sorted by family
 * name with each household kept together.
 */
export async function listDirectory(viewer: Viewer, query: DirectoryQuery = {}): Promise<DirectoryPage> {
  if (!viewer.churchId) return { entries: [], page: 1, pageCount: 1, total: 0 };
  return readingChurch(viewer.churchId, (tx) => listIn(tx, viewer, query));
}

/**
 * What /directory shows, in one transaction: the viewer's led groups, the
 * church's groups for the filter, and the page. (One transaction, not three:
 * each costs round trips to the database.) The led groups, the groups and the
 * count (4 ms of PostgreSQL for 10,000 members) come from `directoryCache`.
 *
 * The page itself, as the policy decided it for this viewer, is kept in this
 * process under the church's directory generation (ADR 014): when the
 * generation is known and the same member asks for the same page again —
 * back from a card, paging back, a refresh — no query is sent at all.
 */
export async function directoryPage(user: CurrentUser, query: DirectoryQuery & { groupParam?: string | null }) {
  const churchId = user.churchId;
  if (!churchId) return { entries: [], page: 1, pageCount: 1, total: 0, groups: [], groupId: undefined };
  return keptOrRead<ListedPage>(churchId, pageKey(user, query), async (tx, cached) => {
    const [viewer, churchGroups] = await Promise.all([
      viewerIn(tx, user, cached),
      cached("groups", () => directoryQueries.churchGroups(tx)),
    ]);
    // A group id from the URL counts only if it is one of this church's groups.
    const groupId = churchGroups.find((group) => group.id === query.groupParam)?.id;
    // Browsing only (a search counts its matches as it ranks them). The key holds everything the
    // count's WHERE depends on besides the church's rows: who asks, what they may see, the group.
    const countKey = `count:${user.id}:${levelsForAnyMember(viewer).join(",")}:${seesUnlisted(viewer)}:${groupId ?? ""}`;
    const count: Counter | undefined = searchText(query) ? undefined : (where) => cached(countKey, () => countIn(tx, where));
    const page = await listIn(tx, viewer, { ...query, groupId }, count);
    return { ...page, groups: churchGroups, groupId };
  });
}

type ListedPage = DirectoryPage & { groups: { id: string; name: string }[]; groupId: string | undefined };

/**
 * Everything a kept page depends on besides the church's rows (which the
 * generation stands for): who asks — their led groups follow from who they are,
 * under the same generation — what their permissions let them see, and what they asked.
 */
function pageKey(user: CurrentUser, query: DirectoryQuery & { groupParam?: string | null }): string {
  return JSON.stringify(["page", ...viewerKey(user), searchText(query), query.groupParam ?? "", query.page ?? 1]);
}

/** Who asks, as far as what they may see goes: the member (their led groups follow) and what their permissions reach. */
const viewerKey = (user: CurrentUser) => [user.id, levelsForAnyMember(user), seesUnlisted(user)];

/**
 * The page (or card) kept for `key` at the church's directory generation; else
 * `read` in a read-only transaction, kept under the generation read there. A
 * refusal (null) is not kept: anyone can ask for a thousand made-up ids.
 */
async function keptOrRead<T>(churchId: string, key: string, read: (tx: Tx, cached: DirectoryCache) => Promise<T>): Promise<T> {
  const pages = processCache("member-pages");
  const at = (generation: number) => generationKey(directoryScope(churchId), generation, key);
  const known = knownGeneration(directoryScope(churchId));
  const kept = known === undefined ? undefined : pages.get<T>(at(known));
  if (kept) return kept;
  return readingChurch(churchId, async (tx) => {
    const { generation, cached } = await directoryCache(tx, churchId);
    // The generation was only unknown (this process wrote something, or heard nothing for a while).
    const keptAtRead = generation === known ? undefined : pages.get<T>(at(generation));
    if (keptAtRead) return keptAtRead;
    const page = await read(tx, cached);
    return page === null ? page : pages.set(at(generation), page, DIRECTORY_CACHE_TTL_SECONDS);
  });
}

async function countIn(tx: Tx, where: SQL | undefined): Promise<number> {
  const [{ total } = { total: 0 }] = await directoryQueries.count(tx, where);
  return total;
}

type Counter = (where: SQL | undefined) => Promise<number>;

async function listIn(tx: Tx, viewer: Viewer, query: DirectoryQuery, cachedCount?: Counter): Promise<DirectoryPage> {
  if (!viewer.churchId) return { entries: [], page: 1, pageCount: 1, total: 0 };
  const q = searchText(query);
  const where = directoryFilter(viewer, query);
  const count = cachedCount ?? ((filter: SQL | undefined) => countIn(tx, filter));
  const { rows, total, page } = q ? await searchPage(tx, where, q, query.page, count) : await browsePage(tx, where, query.page, count);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const records = await withGroupIds(tx, rows);
  const entries = records.flatMap((record) =>
    isListedFor(viewer, record) ? [{ ...visibleMember(viewer, record), householdId: record.householdId }] : [],
  );
  return { entries, page, pageCount, total };
}

const searchText = (query: DirectoryQuery) => query.q?.trim().slice(0, 100) ?? "";

/** Which members a directory page lists for this viewer (the WHERE of every query below). */
export function directoryFilter(viewer: Viewer, query: DirectoryQuery): SQL | undefined {
  const q = searchText(query);
  return and(
    // Row-level security already keeps to the viewer's church; saying it here
    // too lets the planner walk the church's directory-order index.
    viewer.churchId ? eq(members.churchId, viewer.churchId) : sql`false`,
    isNull(members.deletedAt),
    nameReachable(viewer),
    q ? matching(q) : undefined,
    query.groupId ? inArray(members.id, membersOf([query.groupId])) : undefined,
  );
}

/**
 * The queries /directory runs, unexecuted: the functions here await them, and
 * tests/integration/query-plans.test.ts EXPLAINs the very same SQL on a
 * 10,000-member church (no sequential scan of members allowed).
 */
export const directoryQueries = {
  ledGroups: (tx: Tx, userId: string) =>
    tx
      .select({ groupId: groupMemberships.groupId })
      .from(groupMemberships)
      .innerJoin(members, eq(members.id, groupMemberships.memberId))
      .where(and(eq(members.userId, userId), eq(groupMemberships.role, "leader"))),
  churchGroups: (tx: Tx) => tx.select({ id: groups.id, name: groups.name }).from(groups).orderBy(asc(groups.name)),
  count: (tx: Tx, where: SQL | undefined) => tx.select({ total: count() }).from(members).where(where),
  browse: (tx: Tx, where: SQL | undefined, offset: number) =>
    tx
      .select(RECORD)
      .from(members)
      .where(where)
      .orderBy(asc(members.familyName), asc(members.householdId), asc(members.givenName), asc(members.id))
      .limit(PAGE_SIZE)
      .offset(offset),
  search: (tx: Tx, where: SQL | undefined, q: string, offset: number) =>
    tx
      .select({ ...RECORD, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(members)
      .where(where)
      .orderBy(desc(sql`word_similarity(kapatiran_search_text(${q}), ${searchName})`), asc(members.familyName), asc(members.id))
      .limit(PAGE_SIZE)
      .offset(offset),
};

const clampPage = (wanted: number | undefined, total: number) =>
  Math.min(Math.max(1, wanted ?? 1), Math.max(1, Math.ceil(total / PAGE_SIZE)));

/**
 * Browsing: a separate COUNT beats a window count here, because the page can
 * then stop after 25 rows in index order instead of materializing every member.
 */
async function browsePage(tx: Tx, where: SQL | undefined, wanted: number | undefined, count: Counter) {
  const total = await count(where);
  const page = clampPage(wanted, total);
  const rows = await directoryQueries.browse(tx, where, (page - 1) * PAGE_SIZE);
  return { rows, total, page };
}

/**
 * Searching: the matches are ranked by similarity, so every match is sorted
 * anyway and a window count is free — one call of the trigram lookup instead
 * of two. Only a page past the end (a stale link) needs a second query.
 */
async function searchPage(tx: Tx, where: SQL | undefined, q: string, wanted: number | undefined, count: Counter) {
  const ranked = (offset: number) => directoryQueries.search(tx, where, q, offset);
  let page = Math.max(1, wanted ?? 1);
  let found = await ranked((page - 1) * PAGE_SIZE);
  if (found.length === 0 && page > 1) {
    page = clampPage(page, await count(where));
    found = await ranked((page - 1) * PAGE_SIZE);
  }
  const total = found[0]?.total ?? 0;
  return { rows: found.map(({ total: _total, ...row }) => row), total, page };
}

export interface MemberCard {
  member: VisibleMember;
  household: { name: string; members: VisibleMember[] } | null;
  groups: { id: string; name: string }[];
}

/**
 * One member's card as this viewer may see it, or null when the viewer may not
 * see them at all (another church, unlisted, name withheld): the page answers
 * 404 then, so an id reveals nothing.
 */
export async function memberCard(user: CurrentUser, memberId: string): Promise<MemberCard | null> {
  const churchId = user.churchId;
  if (!churchId || !/^[0-9a-f-]{36}$/i.test(memberId)) return null;
  // Kept per viewer like a directory page (households bump the generation too: the card shows its name).
  const key = JSON.stringify(["card", ...viewerKey(user), memberId]);
  return keptOrRead(churchId, key, async (tx, cached) => memberCardIn(tx, await viewerIn(tx, user, cached), memberId));
}

async function memberCardIn(tx: Tx, viewer: Viewer, memberId: string): Promise<MemberCard | null> {
  const [row] = await tx
    .select(RECORD)
    .from(members)
    .where(and(eq(members.id, memberId), isNull(members.deletedAt)));
  if (!row) return null;
  const householdRows = row.householdId
    ? await tx
        .select(RECORD)
        .from(members)
        .where(and(eq(members.householdId, row.householdId), isNull(members.deletedAt)))
        .orderBy(asc(members.givenName))
    : [row];
  const records = await withGroupIds(tx, householdRows);
  const record = records.find((r) => r.id === memberId)!;
  if (!isListedFor(viewer, record)) return null;
  const [household] = row.householdId
    ? await tx.select({ name: households.name }).from(households).where(eq(households.id, row.householdId))
    : [];
  const groupRows = record.groupIds.length
    ? await tx
        .select({ id: groups.id, name: groups.name })
        .from(groups)
        .where(inArray(groups.id, record.groupIds))
        .orderBy(asc(groups.name))
    : [];
  const others = records.filter((r) => r.id !== memberId && isListedFor(viewer, r));
  return {
    member: visibleMember(viewer, record),
    household: household ? { name: household.name, members: others.map((r) => visibleMember(viewer, r)) } : null,
    groups: groupRows,
  };
}

export interface PrintedHousehold {
  name: string;
  members: VisibleMember[];
}

/**
 * The whole directory for printing, by household: what this viewer may see
 * and nothing more (the same policy as every page). Three queries whatever the
 * church's size.
 */
export async function printableDirectory(viewer: Viewer): Promise<PrintedHousehold[]> {
  const churchId = viewer.churchId;
  if (!churchId) return [];
  return readingChurch(churchId, async (tx) => {
    const rows = await tx
      .select({ ...RECORD, householdName: households.name })
      .from(members)
      .leftJoin(households, eq(households.id, members.householdId))
      .where(and(isNull(members.deletedAt), nameReachable(viewer)))
      .orderBy(asc(members.familyName), asc(members.householdId), asc(members.givenName));
    const records = await withGroupIds(tx, rows);
    const byHousehold = new Map<string, PrintedHousehold>();
    records.forEach((record, index) => {
      if (!isListedFor(viewer, record)) return;
      const shown = visibleMember(viewer, record);
      const key = record.householdId ?? `single:${record.id}`;
      const name = rows[index]!.householdName ?? shown.familyName ?? shown.name ?? "";
      const household = byHousehold.get(key) ?? { name, members: [] };
      household.members.push(shown);
      byHousehold.set(key, household);
    });
    return [...byHousehold.values()];
  });
}

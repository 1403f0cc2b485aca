import { and, asc, count, eq, ilike, ne, or, sql, type SQL } from "drizzle-orm";
import { BUILT_IN_ROLES } from "~/auth/permissions";
import { churches, roles, users, type Role, type UserStatus } from "~/db/schema.server";
import { withChurch, type Tx } from "~/db/tenancy.server";
import { recordAudit } from "./audit.server";
import type { RequestMeta } from "./users.server";

/**
 * What a church administrator sees and changes of the church's accounts
 * (/admin/users): the list, one user, their role. Deactivation lives in
 * user-status.server.ts, invitations in invitations.server.ts; the guards
 * they share (last administrator, same church, assignable role) are here.
 */

/**
 * A change the model refuses: a message key the page shows (next to `field`,
 * or at the top of the form for "form"), and the HTTP status to answer with.
 */
export class AdminRefusal extends Error {
  constructor(readonly messageKey: string, readonly field: string = "form", readonly status: 400 | 404 = 400) {
    super(messageKey);
    this.name = "AdminRefusal";
  }
}

export const USERS_PER_PAGE = 50;

/** Built-in roles are translated by key on the page; a church's own keep their name. */
export interface RoleLabel {
  key: string;
  name: string;
  builtIn: boolean;
}

export interface UserSummary {
  id: string;
  displayName: string;
  email: string;
  role: RoleLabel;
  status: UserStatus;
  /** Date of the last sign-in in the church's timezone (YYYY-MM-DD), or null. */
  lastSignIn: string | null;
}

export interface UserDetail extends UserSummary {
  roleId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id would make PostgreSQL raise; it simply matches nothing. */
export const isUuid = (value: string) => UUID.test(value);

/** `YYYY-MM-DD` of an instant in a timezone ("en-CA" formats dates that way). */
export function dateIn(timezone: string, instant: Date): string;
export function dateIn(timezone: string, instant: Date | null): string | null;
export function dateIn(timezone: string, instant: Date | null): string | null {
  if (!instant) return null;
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

export async function churchTimezone(tx: Tx, churchId: string): Promise<string> {
  const [church] = await tx.select({ timezone: churches.timezone }).from(churches).where(eq(churches.id, churchId));
  return church?.timezone ?? "Asia/Manila";
}

const summaryColumns = {
  id: users.id,
  displayName: users.displayName,
  email: users.email,
  status: users.status,
  lastSignInAt: users.lastSignInAt,
  roleId: users.roleId,
  roleKey: roles.key,
  roleName: roles.name,
  roleBuiltIn: roles.builtIn,
};

interface SummaryRow {
  id: string;
  displayName: string;
  email: string;
  status: UserStatus;
  lastSignInAt: Date | null;
  roleId: string;
  roleKey: string;
  roleName: string;
  roleBuiltIn: boolean;
}

function toDetail(row: SummaryRow, timezone: string): UserDetail {
  return {
    id: row.id,
    displayName: row.displayName,
    email: row.email,
    role: { key: row.roleKey, name: row.roleName, builtIn: row.roleBuiltIn },
    roleId: row.roleId,
    status: row.status,
    lastSignIn: dateIn(timezone, row.lastSignInAt),
  };
}

/** `%q%` for LIKE, with LIKE's own wildcards in the query taken literally. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface UserPage {
  users: UserSummary[];
  page: number;
  pageCount: number;
  total: number;
  q: string;
}

/** The church's accounts, by name, 50 a page, optionally those whose name or e-mail contains `q`. */
export async function listChurchUsers(churchId: string, query: { q?: string; page?: number } = {}): Promise<UserPage> {
  const q = (query.q ?? "").trim().slice(0, 100);
  const wanted = Number.isInteger(query.page) && query.page! > 0 ? query.page! : 1;
  return withChurch(churchId, async (tx) => {
    const filters: SQL[] = [eq(users.churchId, churchId)];
    if (q) filters.push(or(ilike(users.displayName, containing(q)), ilike(users.email, containing(q)))!);
    const where = and(...filters);
    const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(users).where(where);
    const pageCount = Math.max(1, Math.ceil(total / USERS_PER_PAGE));
    const page = Math.min(wanted, pageCount);
    const rows = await tx
      .select(summaryColumns)
      .from(users)
      .innerJoin(roles, eq(roles.id, users.roleId))
      .where(where)
      .orderBy(asc(sql`lower(${users.displayName})`), asc(users.id))
      .limit(USERS_PER_PAGE)
      .offset((page - 1) * USERS_PER_PAGE);
    const timezone = await churchTimezone(tx, churchId);
    return {
      users: rows.map((row) => {
        const { roleId: _roleId, ...summary } = toDetail(row, timezone);
        return summary;
      }),
      page,
      pageCount,
      total,
      q,
    };
  });
}

async function findUser(tx: Tx, churchId: string, userId: string, timezone: string): Promise<UserDetail | null> {
  if (!isUuid(userId)) return null;
  // Row-level security already hides other churches' users; the filter says so too.
  const [row] = await tx
    .select(summaryColumns)
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(eq(users.id, userId), eq(users.churchId, churchId)));
  return row ? toDetail(row, timezone) : null;
}

/** One account of this church, or null (also for another church's user: never a hint it exists). */
export async function findChurchUser(churchId: string, userId: string): Promise<UserDetail | null> {
  return withChurch(churchId, async (tx) => findUser(tx, churchId, userId, await churchTimezone(tx, churchId)));
}

const CHURCH_ROLE_KEYS = new Set(
  Object.entries(BUILT_IN_ROLES)
    .filter(([, role]) => role.level === "church")
    .map(([key]) => key)
);

/** The role, if this church may give it: a church-level built-in one or the church's own. */
export async function assignableRole(tx: Tx, churchId: string, roleId: string): Promise<Role | null> {
  if (!isUuid(roleId)) return null;
  const [role] = await tx.select().from(roles).where(eq(roles.id, roleId));
  if (!role) return null;
  if (role.churchId === churchId) return role;
  return role.churchId === null && role.builtIn && CHURCH_ROLE_KEYS.has(role.key) ? role : null;
}

/**
 * No one gives a role with rights they do not hold themselves: otherwise a
 * custom "user manager" role could make anyone, itself included, a full admin.
 * What every member may do is always fine to give. Refuses with a message for
 * the role field.
 */
export function requireWithinOwnRights(role: Role, actorPermissions: readonly string[]) {
  const memberRights: readonly string[] = BUILT_IN_ROLES.member.permissions;
  const beyond = role.permissions.filter((p) => !memberRights.includes(p) && !actorPermissions.includes(p));
  if (beyond.length > 0) {
    throw new AdminRefusal("adminUsers:errors.beyondOwnRights", "roleId");
  }
}

/**
 * Serialize changes to who administers a church: without this lock, two
 * administrators demoting each other at the same moment would each still
 * count the other and leave the church with none.
 */
export async function lockChurchAdministrators(tx: Tx, churchId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`church-admins:${churchId}`}))`);
}

/**
 * Refuse when `userId` is the church's last active church administrator
 * (call after lockChurchAdministrators, in the transaction that makes the change).
 */
export async function keepAnAdministrator(tx: Tx, churchId: string, userId: string) {
  const [others] = await tx
    .select({ total: count() })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(
      and(
        eq(users.churchId, churchId),
        eq(users.status, "active"),
        eq(roles.key, "church_admin"),
        eq(roles.builtIn, true),
        ne(users.id, userId)
      )
    );
  if ((others?.total ?? 0) === 0) throw new AdminRefusal("adminUsers:errors.lastAdmin");
}

/**
 * Give a user of the actor's church another role. Refused: the actor's own
 * role, a role this church may not give, and taking the role away from the
 * last active church administrator. Returns false when the role was already that.
 */
export async function changeUserRole(
  actor: { id: string; churchId: string; permissions: readonly string[] },
  userId: string,
  roleId: string,
  meta: RequestMeta = {}
): Promise<boolean> {
  return withChurch(actor.churchId, async (tx) => {
    await lockChurchAdministrators(tx, actor.churchId);
    const target = await findUser(tx, actor.churchId, userId, "UTC");
    if (!target) throw new AdminRefusal("adminUsers:errors.userGone", "form", 404);
    if (target.id === actor.id) throw new AdminRefusal("adminUsers:errors.selfRole", "roleId");
    const role = await assignableRole(tx, actor.churchId, roleId);
    if (!role) throw new AdminRefusal("adminUsers:errors.role", "roleId");
    if (role.id === target.roleId) return false;
    requireWithinOwnRights(role, actor.permissions);
    const losesAdmin = target.role.key === "church_admin" && target.role.builtIn && role.key !== "church_admin";
    if (losesAdmin && target.status === "active") await keepAnAdministrator(tx, actor.churchId, target.id);

    await tx.update(users).set({ roleId: role.id, updatedAt: new Date() }).where(eq(users.id, target.id));
    await recordAudit(tx, {
      churchId: actor.churchId,
      actorUserId: actor.id,
      action: "user.role_changed",
      recordType: "user",
      recordId: target.id,
      before: { roleId: target.roleId, role: target.role.name },
      after: { roleId: role.id, role: role.name },
      ...meta,
    });
    return true;
  });
}

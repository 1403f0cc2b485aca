/**
 * Permissions are `action:resource[:scope]` strings. Roles grant them —
 * built-in roles (created by migration 0003) and a church's own custom roles,
 * drawn from the church part of this catalogue. `can` is the one place that
 * decides, for loaders, actions and the UI alike (the UI hides what the
 * loader would refuse).
 */

/** The catalogue, grouped by area as the role editor shows it. */
export const PERMISSION_AREAS = {
  directory: ["view:directory", "view:leaders-fields:any", "view:admins-fields:any"],
  self: ["edit:profile:own", "export:data:own", "open:ticket", "post:forum"],
  groups: ["view:leaders-fields:group", "manage:roster:group", "manage:groups"],
  people: ["manage:users", "manage:roles", "manage:members", "import:members", "export:members"],
  records: ["view:audit", "manage:requests", "manage:settings"],
  platform: ["manage:help", "answer:tickets", "moderate:forum", "manage:churches", "view:operations", "manage:maintenance", "view:audit:platform"],
} as const;

export type PermissionArea = keyof typeof PERMISSION_AREAS;
export type Permission = (typeof PERMISSION_AREAS)[PermissionArea][number];

export const PERMISSIONS: readonly Permission[] = Object.values(PERMISSION_AREAS).flat();

/** What a church may put into its own custom roles: everything but the platform's. */
export const CHURCH_PERMISSIONS: readonly Permission[] = PERMISSIONS.filter(
  (permission) => !(PERMISSION_AREAS.platform as readonly string[]).includes(permission),
);

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && (PERMISSIONS as readonly string[]).includes(value);
}

const MEMBER: Permission[] = ["view:directory", "edit:profile:own", "export:data:own", "open:ticket", "post:forum"];

/**
 * The built-in roles of DESIGN.md. Migration 0003 writes exactly these rows;
 * tests/integration/roles.test.ts fails if the two drift apart.
 */
export const BUILT_IN_ROLES = {
  member: { name: "Member", level: "church", permissions: MEMBER },
  group_leader: {
    name: "Group leader",
    level: "church",
    permissions: [...MEMBER, "view:leaders-fields:group", "manage:roster:group"],
  },
  church_admin: { name: "Church administrator", level: "church", permissions: [...CHURCH_PERMISSIONS] },
  support_staff: {
    name: "Support staff",
    level: "platform",
    permissions: ["manage:help", "answer:tickets", "moderate:forum", "open:ticket"],
  },
  platform_admin: {
    name: "Platform administrator",
    level: "platform",
    permissions: ["manage:churches", "view:operations", "manage:maintenance", "view:audit:platform"],
  },
} as const satisfies Record<string, { name: string; level: "church" | "platform"; permissions: readonly Permission[] }>;

export type BuiltInRoleKey = keyof typeof BUILT_IN_ROLES;

export interface Actor {
  id: string;
  churchId: string | null;
  permissions: readonly Permission[];
}

/** A record a permission may be checked against: its church, and whose it is. */
export interface Resource {
  churchId?: string | null;
  ownerUserId?: string | null;
}

/**
 * May `actor` do `permission` (to `resource`, when given)? Church permissions
 * never reach across churches; `:own` ones reach only the actor's own records.
 * Group-scoped ones are checked against the groups the actor leads by the
 * caller that knows the group (see privacy/policy.ts).
 */
export function can(actor: Actor | null | undefined, permission: Permission, resource?: Resource): boolean {
  if (!actor || !actor.permissions.includes(permission)) return false;
  if (resource?.churchId != null && resource.churchId !== actor.churchId) return false;
  if (permission.endsWith(":own") && resource?.ownerUserId !== undefined && resource.ownerUserId !== actor.id) {
    return false;
  }
  return true;
}

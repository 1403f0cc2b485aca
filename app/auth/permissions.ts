import type { RoleName } from "~/db/schema.server";

/**
 * Permissions are `action:resource[:scope]` strings. Roles grant them; `can`
 * is the one place that decides, for loaders, actions and the UI alike (the UI
 * hides what the loader would refuse). Custom church roles arrive with
 * administration and draw from the same catalogue.
 */
export const PERMISSIONS = [
  "view:directory",
  "edit:profile:own",
  "export:data:own",
  "open:ticket",
  "post:forum",
  "view:leaders-fields:group",
  "manage:roster:group",
  "manage:users",
  "manage:roles",
  "manage:members",
  "manage:groups",
  "import:members",
  "export:members",
  "view:audit",
  "manage:requests",
  "manage:settings",
  "manage:help",
  "answer:tickets",
  "moderate:forum",
  "manage:churches",
  "view:operations",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const MEMBER: Permission[] = ["view:directory", "edit:profile:own", "export:data:own", "open:ticket", "post:forum"];

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  member: MEMBER,
  group_leader: [...MEMBER, "view:leaders-fields:group", "manage:roster:group"],
  church_admin: [
    ...MEMBER,
    "view:leaders-fields:group",
    "manage:roster:group",
    "manage:users",
    "manage:roles",
    "manage:members",
    "manage:groups",
    "import:members",
    "export:members",
    "view:audit",
    "manage:requests",
    "manage:settings",
  ],
  support_staff: ["manage:help", "answer:tickets", "moderate:forum", "open:ticket"],
  platform_admin: ["manage:churches", "view:operations", "view:audit"],
};

export interface Actor {
  id: string;
  role: RoleName;
  churchId: string | null;
}

/** A record a permission may be checked against: its church, and whose it is. */
export interface Resource {
  churchId?: string | null;
  ownerUserId?: string | null;
}

/**
 * May `actor` do `permission` (to `resource`, when given)? Church-level
 * permissions never reach across churches; `:own` ones only reach the actor's
 * own records.
 */
export function can(actor: Actor | null | undefined, permission: Permission, resource?: Resource): boolean {
  if (!actor) return false;
  if (!ROLE_PERMISSIONS[actor.role].includes(permission)) return false;
  if (resource?.churchId !== undefined && resource.churchId !== null && resource.churchId !== actor.churchId) {
    return false;
  }
  if (permission.endsWith(":own") && resource?.ownerUserId !== undefined && resource.ownerUserId !== actor.id) {
    return false;
  }
  return true;
}

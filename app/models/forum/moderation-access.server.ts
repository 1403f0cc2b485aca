import { can } from "~/auth/permissions";
import type { CurrentUser, RequestMeta } from "../users.server";

/**
 * What every moderation model shares: the refusal when someone without
 * `moderate:forum` reaches a moderation function (routes check first; the
 * models check again so no caller can forget), and the audit entry's frame —
 * the forum is platform-wide, so its entries go to the platform chain.
 */

export const forbiddenToModerate = () =>
  new Response("Forbidden: this needs the permission moderate:forum", { status: 403 });

export function requireModerator(user: CurrentUser): void {
  if (!can(user, "moderate:forum")) throw forbiddenToModerate();
}

/** A moderation reason: required, one line or a few, shown to the author as text. */
export const REASON_MAX = 500;

export function platformAudit(
  staff: CurrentUser,
  meta: RequestMeta,
  entry: {
    action: string;
    recordType: string;
    recordId: string;
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
  }
) {
  return { churchId: null, actorUserId: staff.id, ...entry, ...meta };
}

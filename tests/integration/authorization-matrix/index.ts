/**
 * Who gets what, for every route of the app: the machine-readable table that
 * tests/integration/authorization-matrix.test.ts walks against a running
 * server. A route missing from this table fails that test, so every new
 * route arrives with its row.
 *
 * Personas (demo accounts): anonymous; member, leader (leads Grace's Youth
 * Ministry), admin (church_admin of Grace), staff (support_staff), ops
 * (platform_admin), otherAdmin (church_admin of Hope — every `:id` in these rows is a
 * Grace record, so otherAdmin must never get a 200 on one).
 *
 * Placeholders in paths are filled from the demo data by the test:
 * :graceUserId, :graceMemberId (member@grace's own, listed), :graceImportId (an
 * uploaded CSV waiting in Grace), :graceRoleId (a custom role of Grace), :graceGroupId
 * (Youth Ministry), :otherGraceGroupId (a Grace group the leader does not lead),
 * :graceTicketId (a support question of member@grace), :forumTopicId (a forum question of
 * member@grace) and :forumReplyId (admin@hope's reply to it).
 */
import { ADMIN_ROWS } from "./admin";
import { FORUM_ROWS } from "./forum";
import { HELP_SUPPORT_ROWS } from "./help-support";
import { MEMBERS_DIRECTORY_ROWS } from "./members-directory";
import { PLATFORM_OPS_ROWS } from "./platform-ops";
import { PRIVACY_ROWS } from "./privacy";
import { PUBLIC_ROWS } from "./public";
import type { MatrixRow } from "./shapes";

export { PERSONAS, type Expected, type MatrixRow, type Persona } from "./shapes";

// One file per area of the app; a new route's row goes in its area's file.
export const MATRIX: MatrixRow[] = [
  ...PUBLIC_ROWS,
  ...MEMBERS_DIRECTORY_ROWS,
  ...PRIVACY_ROWS,
  ...ADMIN_ROWS,
  ...HELP_SUPPORT_ROWS,
  ...PLATFORM_OPS_ROWS,
  ...FORUM_ROWS,
];

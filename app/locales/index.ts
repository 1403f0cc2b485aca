import enAdmin from "./en/admin.json";
import enAdminAudit from "./en/adminAudit.json";
import enAdminGroups from "./en/adminGroups.json";
import enAdminMembers from "./en/adminMembers.json";
import enAdminRoles from "./en/adminRoles.json";
import enAdminUsers from "./en/adminUsers.json";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enDirectory from "./en/directory.json";
import enForms from "./en/forms.json";
import enMe from "./en/me.json";
import enPlatform from "./en/platform.json";
import filAdmin from "./fil/admin.json";
import filAdminAudit from "./fil/adminAudit.json";
import filAdminGroups from "./fil/adminGroups.json";
import filAdminMembers from "./fil/adminMembers.json";
import filAdminRoles from "./fil/adminRoles.json";
import filAdminUsers from "./fil/adminUsers.json";
import filAuth from "./fil/auth.json";
import filCommon from "./fil/common.json";
import filDirectory from "./fil/directory.json";
import filForms from "./fil/forms.json";
import filMe from "./fil/me.json";
import filPlatform from "./fil/platform.json";

/**
 * All translations, bundled into the server build (no file reads at run time).
 * One namespace per area; add a namespace here in both languages —
 * tests/unit/locales.test.ts fails when the two languages differ in keys.
 */
export const resources = {
  en: {
    common: enCommon,
    forms: enForms,
    auth: enAuth,
    directory: enDirectory,
    me: enMe,
    admin: enAdmin,
    adminUsers: enAdminUsers,
    adminRoles: enAdminRoles,
    adminGroups: enAdminGroups,
    adminMembers: enAdminMembers,
    adminAudit: enAdminAudit,
    platform: enPlatform,
  },
  fil: {
    common: filCommon,
    forms: filForms,
    auth: filAuth,
    directory: filDirectory,
    me: filMe,
    admin: filAdmin,
    adminUsers: filAdminUsers,
    adminRoles: filAdminRoles,
    adminGroups: filAdminGroups,
    adminMembers: filAdminMembers,
    adminAudit: filAdminAudit,
    platform: filPlatform,
  },
} as const;

export type Namespace = keyof (typeof resources)["en"];

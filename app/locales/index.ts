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
import enHelp from "./en/help.json";
import enStaffHelp from "./en/staffHelp.json";
import enSupport from "./en/support.json";
import enOnboarding from "./en/onboarding.json";
import enConsent from "./en/consent.json";
import enMyData from "./en/myData.json";
import enAdminRequests from "./en/adminRequests.json";
import enCompliance from "./en/compliance.json";
import enOps from "./en/ops.json";
import enMaintenance from "./en/maintenance.json";
import enForum from "./en/forum.json";
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
import filHelp from "./fil/help.json";
import filStaffHelp from "./fil/staffHelp.json";
import filSupport from "./fil/support.json";
import filOnboarding from "./fil/onboarding.json";
import filConsent from "./fil/consent.json";
import filMyData from "./fil/myData.json";
import filAdminRequests from "./fil/adminRequests.json";
import filCompliance from "./fil/compliance.json";
import filOps from "./fil/ops.json";
import filMaintenance from "./fil/maintenance.json";
import filForum from "./fil/forum.json";

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
    help: enHelp,
    staffHelp: enStaffHelp,
    support: enSupport,
    onboarding: enOnboarding,
    consent: enConsent,
    myData: enMyData,
    adminRequests: enAdminRequests,
    compliance: enCompliance,
    ops: enOps,
    maintenance: enMaintenance,
    forum: enForum,
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
    help: filHelp,
    staffHelp: filStaffHelp,
    support: filSupport,
    onboarding: filOnboarding,
    consent: filConsent,
    myData: filMyData,
    adminRequests: filAdminRequests,
    compliance: filCompliance,
    ops: filOps,
    maintenance: filMaintenance,
    forum: filForum,
  },
} as const;

export type Namespace = keyof (typeof resources)["en"];

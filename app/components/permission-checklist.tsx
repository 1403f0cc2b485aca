import { useTranslation } from "react-i18next";
import { CHURCH_PERMISSIONS, PERMISSION_AREAS, type Permission, type PermissionArea } from "~/auth/permissions";
import type { FormState } from "./form";

/**
 * The permission catalogue as a church administrator reads it: grouped by
 * area, each permission with a plain label and a one-line explanation (from
 * the adminRoles namespace). Only church permissions are ever offered.
 */

/** i18n key of a permission: ":" and "." would be read as namespace and key separators. */
export const permissionKey = (permission: string) => permission.replace(/[:.]/g, "_");

const CHURCH_AREAS = (Object.entries(PERMISSION_AREAS) as [PermissionArea, readonly Permission[]][])
  .map(([area, permissions]) => [area, permissions.filter((p) => CHURCH_PERMISSIONS.includes(p))] as const)
  .filter(([, permissions]) => permissions.length > 0);

/** Checked boxes: what the user sent (after a refused post), else the role's own. */
function checkedFrom(state: FormState, fallback: readonly string[]): readonly string[] {
  if (!state.values) return fallback;
  const sent = state.values.permissions;
  return sent === undefined ? [] : Array.isArray(sent) ? sent : [sent];
}

export function PermissionChecklist({
  state,
  granted = [],
  idPrefix = "permission",
}: {
  state: FormState;
  granted?: readonly string[];
  idPrefix?: string;
}) {
  const { t } = useTranslation("adminRoles");
  const checked = checkedFrom(state, granted);
  const errors = state.errors?.permissions;
  const errorId = `${idPrefix}-error`;
  return (
    <fieldset className="space-y-4" aria-describedby={errors ? errorId : undefined}>
      <legend className="font-semibold">{t("permissions.legend")}</legend>
      {errors ? (
        <p id={errorId} className="text-sm font-semibold text-red-800">
          {errors.map((key) => t(key)).join(" ")}
        </p>
      ) : null}
      {CHURCH_AREAS.map(([area, permissions]) => (
        <fieldset key={area} className="space-y-2 rounded border border-stone-300 bg-white p-3">
          <legend className="px-1 text-sm font-semibold text-stone-800">{t(`permissions.areas.${area}`)}</legend>
          {permissions.map((permission) => {
            const id = `${idPrefix}-${permissionKey(permission)}`;
            return (
              <div key={permission} className="flex items-start gap-2">
                <input
                  id={id}
                  type="checkbox"
                  name="permissions"
                  value={permission}
                  defaultChecked={checked.includes(permission)}
                  aria-describedby={`${id}-help`}
                  className="mt-1 h-5 w-5 shrink-0 accent-teal-800"
                />
                <div className="min-w-0">
                  <label htmlFor={id} className="font-medium">
                    {t(`permissions.items.${permissionKey(permission)}.label`)}
                  </label>
                  <p id={`${id}-help`} className="text-sm text-stone-700">
                    {t(`permissions.items.${permissionKey(permission)}.help`)}
                  </p>
                </div>
              </div>
            );
          })}
        </fieldset>
      ))}
    </fieldset>
  );
}

/** A role's permissions, read-only, grouped the same way (for built-in roles). */
export function PermissionList({ granted }: { granted: readonly string[] }) {
  const { t } = useTranslation("adminRoles");
  return (
    <div className="space-y-3">
      {CHURCH_AREAS.map(([area, permissions]) => {
        const held = permissions.filter((p) => granted.includes(p));
        if (held.length === 0) return null;
        return (
          <section key={area} aria-labelledby={`area-${area}`} className="rounded border border-stone-300 bg-white p-3">
            <h3 id={`area-${area}`} className="text-sm font-semibold text-stone-800">
              {t(`permissions.areas.${area}`)}
            </h3>
            <ul className="mt-1 space-y-1">
              {held.map((permission) => (
                <li key={permission}>
                  <span className="font-medium">{t(`permissions.items.${permissionKey(permission)}.label`)}</span>
                  <span className="block text-sm text-stone-700">
                    {t(`permissions.items.${permissionKey(permission)}.help`)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** Built-in roles are translated by key; a church's own roles keep the name it gave them. */
export function useRoleName() {
  const { t } = useTranslation("adminRoles");
  return (role: { key: string; name: string; builtIn: boolean }) => (role.builtIn ? t(`names.${role.key}`) : role.name);
}

import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can, type Permission } from "~/auth/permissions";
import type { RootLoaderData } from "~/root";
import { ConsentBanner } from "./consent-banner";
import { ContextHelpLink } from "./context-help-link";
import { DataSaverSwitch } from "./data-saver-switch";
import { LanguageSwitcher } from "./language-switcher";
import { MaintenanceBanners } from "./maintenance-banners";

const ADMIN_PERMISSIONS: Permission[] = [
  "manage:users",
  "manage:roles",
  "manage:groups",
  "manage:roster:group",
  "manage:members",
  "view:audit",
  "manage:settings",
];

/**
 * The frame of every page, mobile first: at 360 px the header wraps into two
 * rows; nothing scrolls sideways.
 */
export function PageShell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const user = useRouteLoaderData<RootLoaderData>("root")?.user ?? null;
  // The same check the loaders make, so the menu offers only what will open.
  const actor = user ? { id: "", churchId: null, permissions: user.permissions } : null;
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="skip-link">
        {t("nav.skipToContent")}
      </a>
      <header className="border-b border-stone-300 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <a href="/" className="text-lg font-bold text-teal-900">
            {user?.churchName ?? t("app.name")}
          </a>
          <nav aria-label={t("nav.label")} className="flex flex-wrap items-center gap-3 text-sm">
            {can(actor, "view:directory") ? (
              <a className="link" href="/directory">
                {t("nav.directory")}
              </a>
            ) : null}
            {ADMIN_PERMISSIONS.some((permission) => can(actor, permission)) ? (
              <a className="link" href="/admin">
                {t("nav.admin")}
              </a>
            ) : null}
            {can(actor, "manage:churches") ? (
              <a className="link" href="/platform/churches">
                {t("nav.platform")}
              </a>
            ) : null}
            {can(actor, "view:operations") ? (
              <a className="link" href="/platform/ops">
                {t("ops:nav.operations")}
              </a>
            ) : null}
            {can(actor, "manage:maintenance") ? (
              <a className="link" href="/platform/maintenance">
                {t("maintenance:nav.maintenance")}
              </a>
            ) : null}
            {can(actor, "view:operations") ? (
              <a className="link" href="/platform/releases">
                {t("maintenance:nav.releases")}
              </a>
            ) : null}
            {can(actor, "manage:help") ? (
              <a className="link" href="/staff/help">
                {t("nav.helpArticles")}
              </a>
            ) : null}
            {/* Namespaced: the server renders with every namespace loaded (entry.server.tsx). */}
            {can(actor, "answer:tickets") ? (
              <a className="link" href="/staff/tickets">
                {t("support:nav.supportDesk")}
              </a>
            ) : null}
            {/* Members post (post:forum); support staff moderate (moderate:forum) and answer there too. */}
            {can(actor, "post:forum") || can(actor, "moderate:forum") ? (
              <a className="link" href="/community">
                {t("forum:nav.community")}
              </a>
            ) : null}
            <a className="link" href="/help">
              {t("nav.help")}
            </a>
            <ContextHelpLink />
            {user ? (
              <>
                <a className="link" href="/me">
                  {t("nav.myAccount")}
                </a>
                <form method="post" action="/auth/logout">
                  <button type="submit" className="link">
                    {t("nav.signOut")}
                  </button>
                </form>
              </>
            ) : (
              <a className="link" href="/auth/login">
                {t("nav.signIn")}
              </a>
            )}
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <MaintenanceBanners />
      <ConsentBanner />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="border-t border-stone-300 bg-white">
        <nav
          aria-label={t("footer.label")}
          className="mx-auto flex max-w-5xl flex-wrap gap-4 px-4 py-4 text-sm text-stone-700"
        >
          <a className="link" href="/help">
            {t("footer.help")}
          </a>
          {can(actor, "open:ticket") ? (
            <a className="link" href="/support">
              {t("support:nav.support")}
            </a>
          ) : null}
          <a className="link" href="/privacy">
            {t("footer.privacy")}
          </a>
          <a className="link" href="/cookies">
            {t("footer.cookies")}
          </a>
        </nav>
        <DataSaverSwitch />
      </footer>
    </div>
  );
}

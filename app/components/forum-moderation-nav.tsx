import { useTranslation } from "react-i18next";

/** The moderation pages' own small menu: queue, settings, categories, and the way back to the forum. */
export function ModerationNav({ current }: { current: "queue" | "settings" | "categories" | "other" }) {
  const { t } = useTranslation("forum");
  const links = [
    { key: "queue", href: "/community/moderation" },
    { key: "settings", href: "/community/moderation/settings" },
    { key: "categories", href: "/community/moderation/categories" },
  ] as const;
  return (
    <nav aria-label={t("moderation.nav.label")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      <a className="link" href="/community">
        {t("moderation.nav.forum")}
      </a>
      {links.map((link) => (
        <a key={link.key} className="link" href={link.href} aria-current={current === link.key ? "page" : undefined}>
          {t(`moderation.nav.${link.key}`)}
        </a>
      ))}
    </nav>
  );
}

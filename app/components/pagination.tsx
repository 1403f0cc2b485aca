import { useTranslation } from "react-i18next";

/** Previous / "Page 2 of 7" / next, as plain links: works without JavaScript. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const { t } = useTranslation("common");
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("pagination.label")} className="flex items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <a className="link" href={hrefFor(page - 1)} rel="prev">
          {t("pagination.previous")}
        </a>
      ) : (
        <span />
      )}
      <span>{t("pagination.pageOf", { page, pageCount })}</span>
      {page < pageCount ? (
        <a className="link" href={hrefFor(page + 1)} rel="next">
          {t("pagination.next")}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

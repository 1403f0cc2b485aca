/**
 * A GET form that narrows what a page shows, so the page's address names the
 * filter (bookmarkable, works without JavaScript): a title, one line when a
 * value was refused, the fields in two columns, then "apply" and the page's
 * other links (clear, export).
 */
export function FilterForm({
  titleId,
  title,
  refused,
  applyLabel,
  fields,
  links,
  className = "",
}: {
  titleId: string;
  title: string;
  /** Shown as an alert when set: what to say about the values the page could not use. */
  refused: string | null;
  applyLabel: string;
  fields: React.ReactNode;
  links: React.ReactNode;
  className?: string;
}) {
  return (
    <form
      method="get"
      aria-labelledby={titleId}
      className={`space-y-3 rounded border border-stone-300 bg-white p-3 ${className}`.trim()}
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      {refused ? (
        <p role="alert" className="font-semibold text-red-800">
          {refused}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">{fields}</div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="button">
          {applyLabel}
        </button>
        {links}
      </div>
    </form>
  );
}

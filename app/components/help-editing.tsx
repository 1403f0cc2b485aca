import { useTranslation } from "react-i18next";
import type { FormState } from "~/components/form";
import { valueOf } from "~/components/form";
import type { DiffLine } from "~/models/help-diff.server";
import type { Conflict } from "~/models/help-editing.server";
import type { RevisionDiff } from "~/models/help-staff-view.server";

/**
 * Pieces of the staff help editor shared by its pages: the Markdown field,
 * the server-rendered preview, line diffs and the "changed since you opened
 * it" notice. Server-rendered; nothing here needs JavaScript.
 */

/** Dates as staff in the Philippines read them, in the page's language. */
export function useDateTime() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(`${i18n.language}-PH`, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Manila",
  });
  return (iso: string) => format.format(new Date(iso));
}

export function MarkdownField({
  state,
  defaultValue,
  label,
}: {
  state: FormState;
  defaultValue: string;
  label: string;
}) {
  const { t } = useTranslation(["staffHelp", "forms"]);
  const errors = state.errors?.body;
  const describedBy = ["field-body-hint", errors ? "field-body-error" : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor="field-body" className="block font-semibold">
        {label}
      </label>
      <p id="field-body-hint" className="text-sm text-stone-700">
        {t("staffHelp:fields.bodyHint")}
      </p>
      <textarea
        id="field-body"
        name="body"
        rows={16}
        defaultValue={valueOf(state, "body", defaultValue)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy}
        spellCheck
        className="w-full rounded border border-stone-500 bg-white px-3 py-2 font-mono text-sm aria-[invalid=true]:border-red-700"
      />
      {errors ? (
        <p id="field-body-error" className="text-sm font-semibold text-red-800">
          {errors.map((key) => t(key)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** Sanitized HTML from renderMarkdown (app/utils/markdown.server.ts): safe to insert. */
export function MarkdownPreview({ title, html }: { title: string; html: string }) {
  const { t } = useTranslation("staffHelp");
  return (
    <section
      id="preview"
      aria-labelledby="preview-title"
      className="space-y-2 rounded border border-teal-800 bg-white p-4"
    >
      <h2 id="preview-title" className="text-lg font-semibold">
        {t("preview.title")}
      </h2>
      <p className="text-sm text-stone-700">{t("preview.notSaved")}</p>
      <div className="border-t border-stone-300 pt-3">
        {title ? <p className="text-2xl font-bold break-words">{title}</p> : null}
        <HelpBody html={html} />
      </div>
    </section>
  );
}

/** Rendered help Markdown with readable spacing (the page resets list and heading styles). */
export function HelpBody({ html }: { html: string }) {
  return (
    <div
      className="max-w-prose space-y-3 break-words [&_a]:text-teal-800 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:text-lg [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-stone-100 [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-6"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

const MARKERS: Record<Exclude<DiffLine["op"], "skipped">, string> = { added: "+", removed: "-", same: " " };
const ROW_STYLE: Record<DiffLine["op"], string> = {
  added: "bg-teal-50 text-teal-950",
  removed: "bg-red-50 text-red-900",
  same: "",
  skipped: "text-stone-700",
};

/** One part (title or text) of a diff: a table whose first column says what happened to each line in words too. */
function DiffTable({ caption, lines }: { caption: string; lines: DiffLine[] }) {
  const { t } = useTranslation("staffHelp");
  if (lines.length === 0) {
    return (
      <p>
        <span className="font-semibold">{caption}:</span> {t("diff.noChanges")}
      </p>
    );
  }
  return (
    <table className="w-full table-fixed border-collapse rounded border border-stone-300 bg-white text-sm">
      <caption className="pb-1 text-left font-semibold">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{t("diff.change")}</th>
          <th scope="col">{t("diff.line")}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, index) => (
          <tr key={index} data-op={line.op} className={`border-t border-stone-200 ${ROW_STYLE[line.op]}`}>
            <td className="w-8 px-2 py-0.5 text-center align-top font-mono font-bold">
              {line.op === "skipped" ? null : (
                <>
                  <span aria-hidden="true">{MARKERS[line.op]}</span>
                  <span className="sr-only">{t(`diff.${line.op}`)}</span>
                </>
              )}
            </td>
            <td className="px-2 py-0.5 font-mono break-words whitespace-pre-wrap">
              {line.op === "skipped" ? (
                <span className="italic">{t("diff.skipped", { count: line.count })}</span>
              ) : (
                line.text || "\u00a0"
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RevisionDiffView({ diff, id = "diff" }: { diff: RevisionDiff; id?: string }) {
  const { t } = useTranslation("staffHelp");
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h3 id={`${id}-title`} className="text-lg font-semibold">
        {t("diff.title", { from: diff.from, to: diff.to })}
      </h3>
      <p className="text-sm text-stone-700">{t("diff.legend")}</p>
      <DiffTable caption={t("diff.titlePart")} lines={diff.title} />
      <DiffTable caption={t("diff.bodyPart")} lines={diff.body} />
    </section>
  );
}

/** The refusal of a save (or restore) that came too late, with the change that won. */
export function ConflictNotice({ conflict, keptText }: { conflict: Conflict; keptText: boolean }) {
  const { t } = useTranslation("staffHelp");
  const when = useDateTime();
  const { current } = conflict;
  return (
    <section
      role="alert"
      aria-labelledby="conflict-title"
      className="space-y-3 rounded border border-amber-700 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="conflict-title" className="text-lg font-semibold">
        {t("conflict.title")}
      </h2>
      <p>
        {t("conflict.who", {
          name: current.authorName ?? t("conflict.someone"),
          revision: current.revision,
          when: when(current.savedAt),
        })}
      </p>
      <p>{t(keptText ? "conflict.kept" : "conflict.restoreAgain")}</p>
      {conflict.diff ? (
        <RevisionDiffView diff={conflict.diff} id="conflict-diff" />
      ) : (
        <div className="space-y-1">
          <p className="font-semibold">{t("conflict.theirText")}</p>
          <p className="font-semibold break-words">{current.title}</p>
          <pre className="font-mono text-sm break-words whitespace-pre-wrap">{current.body}</pre>
        </div>
      )}
    </section>
  );
}

/** A short coloured label with the status in words. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("staffHelp");
  const style =
    status === "published"
      ? "bg-teal-100 text-teal-950"
      : status === "archived"
      ? "bg-stone-200 text-stone-900"
      : "bg-amber-50 text-amber-950 border border-amber-700";
  return <span className={`rounded px-2 py-0.5 text-sm font-semibold ${style}`}>{t(`status.${status}`)}</span>;
}

export function OutOfDateBadge() {
  const { t } = useTranslation("staffHelp");
  return (
    <span className="rounded border border-red-800 bg-red-50 px-2 py-0.5 text-sm font-semibold text-red-900">
      {t("outOfDate.badge")}
    </span>
  );
}

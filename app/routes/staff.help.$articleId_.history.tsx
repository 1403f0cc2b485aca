import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRecord } from "~/auth/guards.server";
import { FormErrors, useFormState, type FormState } from "~/components/form";
import { ConflictNotice, RevisionDiffView, StatusBadge, useDateTime } from "~/components/help-editing";
import { restoreForm } from "~/models/help-editing-forms.server";
import { restoreRevision, statusOf, type Conflict } from "~/models/help-editing.server";
import {
  articleHistory,
  diffRevisions,
  type ArticleHistory,
  type RevisionDiff,
} from "~/models/help-staff-view.server";
import { formValues, parseForm, refused } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Help article history · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "staffHelp"], help: "writing-help-articles" };
export const headers = memberPageHeaders;

async function historyFor(request: Request, articleId: string | undefined) {
  const { user, record } = await requireRecord(request, "manage:help", () => (articleId ? articleHistory(articleId) : null));
  return { user, history: record };
}

const revisionParam = (value: string | null) => (value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null);

/** Every revision of an article; `?from=&to=` adds the diff between two of them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { history } = await historyFor(request, params.articleId);
  const search = new URL(request.url).searchParams;
  const asked = search.has("from") || search.has("to");
  const from = revisionParam(search.get("from"));
  const to = revisionParam(search.get("to"));
  const diff = from !== null && to !== null ? await diffRevisions(history.article.id, from, to) : null;
  // Revision numbers are typed into the address bar too: an unknown one is a 400 with the page, never a 500.
  const badCompare = asked && !diff;
  return Response.json(
    { history, diff, badCompare, from, to, done: search.get("done") },
    { status: badCompare ? 400 : 200, headers: memberPageHeaders() }
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, history } = await historyFor(request, params.articleId);
  const form = await request.formData();
  if (form.get("intent") !== "restore") {
    return Response.json({ errors: { form: ["forms:choose"] }, values: formValues(form) }, { status: 400 });
  }
  const result = parseForm(restoreForm, form);
  // The restore buttons have no fields of their own: a bad number is a form-level refusal.
  if (!result.ok) return refused("staffHelp:errors.revision", result.values);
  const outcome = await restoreRevision(
    { id: user.id },
    history.article.id,
    result.data.revision,
    result.data.expectedRevision,
    {
      requestId: context.requestId,
      ipAddress: context.clientIp,
    }
  );
  if (outcome.ok) {
    const back = new URLSearchParams({
      done: "restored",
      from: String(result.data.revision),
      to: String(outcome.revision),
    });
    return redirect(`/staff/help/${outcome.id}/history?${back}`);
  }
  if (outcome.reason === "notFound") throw new Response("Not Found", { status: 404 });
  if (outcome.reason === "conflict") return Response.json({ conflict: outcome.conflict }, { status: 409 });
  const message =
    outcome.reason === "unchanged" ? "staffHelp:errors.restoreUnchanged" : "staffHelp:errors.noSuchRevision";
  return Response.json({ errors: { form: [message] }, values: formValues(form) }, { status: statusOf(outcome) });
}

interface LoaderData {
  history: ArticleHistory;
  diff: RevisionDiff | null;
  badCompare: boolean;
  from: number | null;
  to: number | null;
  done: string | null;
}

export default function HelpHistory() {
  const { history, diff, badCompare, done } = useLoaderData<LoaderData>();
  const { t } = useTranslation("staffHelp");
  const state = useFormState() as FormState & { conflict?: Conflict };
  const { article } = history;
  return (
    <section aria-labelledby="history-title" className="max-w-5xl space-y-6">
      <p>
        <a className="link" href={`/staff/help/${article.id}`}>
          {t("history.back")}
        </a>
      </p>
      <h1 id="history-title" className="text-2xl font-bold break-words">
        {t("history.title", { title: article.title })}
      </h1>
      {done === "restored" ? (
        <p role="status" className="rounded border border-teal-800 bg-teal-50 p-3 text-teal-950">
          {t("done.restored")}
        </p>
      ) : null}
      {state.conflict ? <ConflictNotice conflict={state.conflict} keptText={false} /> : null}
      <FormErrors state={state} />
      <CompareForm />
      {badCompare ? (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {t("history.badCompare")}
        </p>
      ) : null}
      {diff ? <RevisionDiffView diff={diff} /> : null}
      <Revisions />
    </section>
  );
}

/** A plain GET form: the diff's address can be bookmarked and shared with a colleague. */
function CompareForm() {
  const { history, from, to } = useLoaderData<LoaderData>();
  const { t } = useTranslation("staffHelp");
  const numbers = history.revisions.map((r) => r.revision);
  if (numbers.length < 2) return <p>{t("history.onlyOne")}</p>;
  const newest = numbers[0]!;
  const options = numbers.map((n) => (
    <option key={n} value={n}>
      {t("history.revisionOption", { revision: n })}
    </option>
  ));
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-labelledby="compare-title">
      <h2 id="compare-title" className="w-full text-xl font-semibold">
        {t("history.compare")}
      </h2>
      <div className="space-y-1">
        <label htmlFor="compare-from" className="block font-semibold">
          {t("history.from")}
        </label>
        <select
          id="compare-from"
          name="from"
          defaultValue={from ?? numbers[1]}
          className="rounded border border-stone-500 bg-white px-3 py-2"
        >
          {options}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="compare-to" className="block font-semibold">
          {t("history.to")}
        </label>
        <select
          id="compare-to"
          name="to"
          defaultValue={to ?? newest}
          className="rounded border border-stone-500 bg-white px-3 py-2"
        >
          {options}
        </select>
      </div>
      <button type="submit" className="button">
        {t("history.show")}
      </button>
    </form>
  );
}

function Revisions() {
  const { history } = useLoaderData<LoaderData>();
  const { t } = useTranslation("staffHelp");
  const when = useDateTime();
  const current = history.article.revision;
  return (
    <section aria-labelledby="revisions-title" className="space-y-2">
      <h2 id="revisions-title" className="text-xl font-semibold">
        {t("history.revisions", { count: history.revisions.length })}
      </h2>
      <ol
        aria-label={t("history.revisionsLabel")}
        className="divide-y divide-stone-200 rounded border border-stone-300 bg-white"
      >
        {history.revisions.map((revision) => (
          <li
            key={revision.revision}
            data-revision={revision.revision}
            className="flex flex-wrap items-center justify-between gap-2 px-3 py-2"
          >
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{t("history.revisionOption", { revision: revision.revision })}</span>
                <StatusBadge status={revision.status} />
                {revision.revision === current ? (
                  <span className="text-sm font-semibold">{t("history.current")}</span>
                ) : null}
              </p>
              <p className="text-sm text-stone-700">
                {t("history.savedBy", {
                  name: revision.authorName ?? t("list.unknownAuthor"),
                  when: when(revision.createdAt),
                })}
              </p>
              <p className="text-sm break-words">{revision.title}</p>
            </div>
            {revision.revision === current ? null : (
              <form method="post">
                <input type="hidden" name="intent" value="restore" />
                <input type="hidden" name="revision" value={revision.revision} />
                <input type="hidden" name="expectedRevision" value={current} />
                <button
                  type="submit"
                  className="rounded border border-teal-800 bg-white px-3 py-1 text-sm font-semibold text-teal-900 hover:bg-teal-50"
                >
                  {t("history.restore", { revision: revision.revision })}
                </button>
              </form>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

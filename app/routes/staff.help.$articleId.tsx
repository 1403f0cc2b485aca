import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRecord } from "~/auth/guards.server";
import { FormErrors, SelectField, TextField, useFormState, valueOf, type FormState } from "~/components/form";
import {
  ConflictNotice,
  HelpBody,
  MarkdownField,
  MarkdownPreview,
  OutOfDateBadge,
  StatusBadge,
  useDateTime,
} from "~/components/help-editing";
import { saveArticleForm } from "~/models/help-editing-forms.server";
import { saveArticle, statusOf, type Conflict } from "~/models/help-editing.server";
import { findArticleForEditor, type ArticleForEditor } from "~/models/help-staff-view.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { HELP_CATEGORIES, NEXT_STATUSES } from "~/utils/help-content";
import { previewOf } from "~/utils/help-preview.server";
import { memberPageHeaders } from "~/utils/http-headers";
import { renderMarkdown } from "~/utils/markdown.server";

export const meta: MetaFunction = () => [{ title: "Edit help article · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "staffHelp"], help: "writing-help-articles" };
export const headers = memberPageHeaders;

async function articleFor(request: Request, articleId: string | undefined) {
  const { user, record } = await requireRecord(request, "manage:help", () => (articleId ? findArticleForEditor(articleId) : null));
  return { user, data: record };
}

/** One article or translation: the editor, its translation or source, and readers' feedback. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { data } = await articleFor(request, params.articleId);
  const done = new URL(request.url).searchParams.get("done");
  // A translator reads the English source as readers will see it, next to its Markdown.
  const sourceHtml = data.source ? renderMarkdown(data.source.body) : null;
  return Response.json({ ...data, sourceHtml, done }, { headers: memberPageHeaders() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, data } = await articleFor(request, params.articleId);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "preview") return previewOf(form);
  if (intent !== "save") {
    return Response.json({ errors: { form: ["forms:choose"] }, values: formValues(form) }, { status: 400 });
  }
  const result = parseForm(saveArticleForm, form);
  if (!result.ok) return invalid(result);
  const outcome = await saveArticle({ id: user.id }, data.article.id, result.data, {
    requestId: context.requestId,
    ipAddress: context.clientIp,
  });
  if (outcome.ok) return redirect(`/staff/help/${outcome.id}?done=saved`);
  if (outcome.reason === "notFound") throw new Response("Not Found", { status: 404 });
  const values = formValues(form);
  if (outcome.reason === "conflict") {
    // The user's text stays in the form; the other change is shown above it.
    return Response.json({ conflict: outcome.conflict, values }, { status: 409 });
  }
  const errors = outcome.reason === "invalid" ? outcome.errors : { form: ["staffHelp:errors.unchanged"] };
  return Response.json({ errors, values }, { status: statusOf(outcome) });
}

type LoaderData = ArticleForEditor & { sourceHtml: string | null; done: string | null };
type ActionData = FormState & { conflict?: Conflict; preview?: { title: string; html: string } };

const DONE = ["created", "saved", "translated", "restored"];

export default function HelpEditor() {
  const data = useLoaderData<LoaderData>();
  const { article, done } = data;
  const { t } = useTranslation("staffHelp");
  const state = useFormState() as ActionData;
  const publicPath = `/help/${article.slug}${article.locale === "fil" ? "?lng=fil" : ""}`;
  return (
    <section aria-labelledby="editor-title" className="max-w-5xl space-y-6">
      <p>
        <a className="link" href="/staff/help">
          {t("back")}
        </a>
      </p>
      <div className="space-y-2">
        <h1 id="editor-title" className="text-2xl font-bold break-words">
          {article.title}
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
          <span>
            {t(`kinds.${article.kind}`)} · {t(`languages.${article.locale}`)} ·{" "}
            {t("editor.revision", { revision: article.revision })}
          </span>
          <StatusBadge status={article.status} />
          {data.outOfDate ? <OutOfDateBadge /> : null}
        </p>
      </div>
      {done && DONE.includes(done) ? (
        <p role="status" className="rounded border border-teal-800 bg-teal-50 p-3 text-teal-950">
          {t(`done.${done}`)}
        </p>
      ) : null}
      <UpdatedLine data={data} publicPath={publicPath} />
      {data.source && data.outOfDate ? <OutOfDateNote data={data} /> : null}
      {state.conflict ? <ConflictNotice conflict={state.conflict} keptText /> : null}
      {state.preview ? <MarkdownPreview title={state.preview.title} html={state.preview.html} /> : null}
      <EditorForm data={data} state={state} />
      {data.source ? <SourcePanel data={data} /> : <TranslationPanel data={data} />}
      <FeedbackPanel data={data} />
    </section>
  );
}

function UpdatedLine({ data, publicPath }: { data: LoaderData; publicPath: string }) {
  const { t } = useTranslation("staffHelp");
  const when = useDateTime();
  const { article } = data;
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      <span>
        {t("list.updated", { when: when(article.updatedAt), name: article.updatedByName ?? t("list.unknownAuthor") })}
      </span>
      <a className="link" href={`/staff/help/${article.id}/history`}>
        {t("editor.history")}
      </a>
      {article.status === "published" ? (
        <a className="link" href={publicPath}>
          {t("editor.publicPage")}
        </a>
      ) : null}
    </p>
  );
}

function OutOfDateNote({ data }: { data: LoaderData }) {
  const { t } = useTranslation("staffHelp");
  const source = data.source!;
  const since = data.article.sourceRevision ?? 1;
  return (
    <div className="space-y-1 rounded border border-red-800 bg-red-50 p-3 text-red-900">
      <p className="font-semibold">{t("outOfDate.title")}</p>
      <p>{t("outOfDate.body", { since, current: source.revision })}</p>
      <p>
        <a className="link" href={`/staff/help/${source.id}/history?from=${since}&to=${source.revision}`}>
          {t("outOfDate.diffLink")}
        </a>
      </p>
    </div>
  );
}

function EditorForm({ data, state }: { data: LoaderData; state: ActionData }) {
  const { t } = useTranslation("staffHelp");
  const { article } = data;
  // The revision this editor opened: kept through previews and refusals, so a
  // save after someone else's is caught. After a conflict it becomes the
  // current one: the user has seen the other change and may choose to replace it.
  const expected = state.conflict
    ? String(state.conflict.current.revision)
    : valueOf(state, "expectedRevision", String(article.revision));
  const categories = HELP_CATEGORIES.filter((key) => (article.kind === "faq" ? key === "faq" : key !== "faq"));
  return (
    <section aria-labelledby="edit-title" className="max-w-3xl space-y-4">
      <h2 id="edit-title" className="text-xl font-semibold">
        {t(article.sourceId ? "editor.titleTranslation" : "editor.title")}
      </h2>
      <form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="expectedRevision" value={expected} />
        <FormErrors state={state} />
        <TextField
          name="title"
          label={t("fields.title")}
          state={state}
          defaultValue={article.title}
          required
          maxLength={200}
        />
        {article.sourceId ? null : (
          <SelectField
            name="category"
            label={t("fields.category")}
            state={state}
            defaultValue={article.category}
            options={categories.map((key) => ({ value: key, label: t(`categories.${key}`) }))}
          />
        )}
        <SelectField
          name="status"
          label={t("fields.status")}
          state={state}
          defaultValue={article.status}
          options={NEXT_STATUSES[article.status].map((status) => ({ value: status, label: t(`status.${status}`) }))}
        />
        <MarkdownField state={state} defaultValue={article.body} label={t("fields.body")} />
        {article.sourceId ? <p className="text-sm text-stone-700">{t("editor.translationSaveHint")}</p> : null}
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="intent"
            value="preview"
            className="rounded border border-teal-800 bg-white px-4 py-2 font-semibold text-teal-900 hover:bg-teal-50"
          >
            {t("actions.preview")}
          </button>
          <button type="submit" name="intent" value="save" className="button">
            {t("actions.save")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** An English article: its Filipino version, or the way to add one. */
function TranslationPanel({ data }: { data: LoaderData }) {
  const { t } = useTranslation("staffHelp");
  const { translation, article } = data;
  return (
    <section aria-labelledby="translation-title" className="max-w-3xl space-y-2">
      <h2 id="translation-title" className="text-xl font-semibold">
        {t("translation.title")}
      </h2>
      {translation ? (
        <>
          <p className="flex flex-wrap items-center gap-2">
            <span>{t("translation.exists", { revision: translation.revision })}</span>
            <StatusBadge status={translation.status} />
            {translation.outOfDate ? <OutOfDateBadge /> : null}
          </p>
          {translation.outOfDate ? (
            <p>
              {t("translation.outOfDate", { since: translation.sourceRevision ?? 1 })}{" "}
              <a
                className="link"
                href={`/staff/help/${article.id}/history?from=${translation.sourceRevision ?? 1}&to=${
                  article.revision
                }`}
              >
                {t("outOfDate.diffLink")}
              </a>
            </p>
          ) : null}
          <p>
            <a className="link" href={`/staff/help/${translation.id}`}>
              {t("translation.edit")}
            </a>
          </p>
        </>
      ) : (
        <>
          <p>{t("translation.none")}</p>
          <p>
            <a className="link" href={`/staff/help/${article.id}/translate`}>
              {t("translation.add")}
            </a>
          </p>
        </>
      )}
    </section>
  );
}

/** A translation: the English source as it is now, rendered and as Markdown. */
function SourcePanel({ data }: { data: LoaderData }) {
  const { t } = useTranslation("staffHelp");
  const source = data.source!;
  return (
    <section
      aria-labelledby="source-title"
      className="max-w-3xl space-y-3 rounded border border-stone-300 bg-white p-4"
    >
      <h2 id="source-title" className="text-xl font-semibold">
        {t("source.title", { revision: source.revision })}
      </h2>
      <p>
        <a className="link" href={`/staff/help/${source.id}`}>
          {t("source.open")}
        </a>
      </p>
      <p className="text-lg font-semibold break-words" lang="en">
        {source.title}
      </p>
      <div lang="en">
        <HelpBody html={data.sourceHtml ?? ""} />
      </div>
      <details>
        <summary className="cursor-pointer font-semibold">{t("source.markdown")}</summary>
        <pre lang="en" className="mt-2 font-mono text-sm break-words whitespace-pre-wrap">
          {source.body}
        </pre>
      </details>
    </section>
  );
}

function FeedbackPanel({ data }: { data: LoaderData }) {
  const { t } = useTranslation("staffHelp");
  const when = useDateTime();
  const { feedback } = data;
  return (
    <section aria-labelledby="feedback-title" className="max-w-3xl space-y-2">
      <h2 id="feedback-title" className="text-xl font-semibold">
        {t("feedback.title")}
      </h2>
      <p>
        {t("feedback.counts", { helpful: feedback.helpful, notHelpful: feedback.notHelpful })} ·{" "}
        {t("feedback.commentCount", { count: feedback.comments })}
      </p>
      {feedback.recent.length === 0 ? (
        <p className="text-stone-700">{t("feedback.noComments")}</p>
      ) : (
        <ul
          aria-label={t("feedback.commentsLabel")}
          className="divide-y divide-stone-200 rounded border border-stone-300 bg-white"
        >
          {feedback.recent.map((item) => (
            <li key={item.id} className="space-y-1 px-3 py-2">
              <p className="text-sm text-stone-700">
                {t(item.helpful ? "feedback.saidHelpful" : "feedback.saidNotHelpful")} ·{" "}
                <time dateTime={item.createdAt}>{when(item.createdAt)}</time>
              </p>
              <p className="break-words whitespace-pre-wrap">{item.comment}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

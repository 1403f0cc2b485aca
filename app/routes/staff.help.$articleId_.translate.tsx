import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRecord } from "~/auth/guards.server";
import { FormErrors, SelectField, TextField, useFormState, type FormState } from "~/components/form";
import { HelpBody, MarkdownField, MarkdownPreview } from "~/components/help-editing";
import { translationForm } from "~/models/help-editing-forms.server";
import { createTranslation, statusOf } from "~/models/help-editing.server";
import { findArticleForEditor, type ArticleForEditor } from "~/models/help-staff-view.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { previewOf } from "~/utils/help-preview.server";
import { memberPageHeaders } from "~/utils/http-headers";
import { renderMarkdown } from "~/utils/markdown.server";

export const meta: MetaFunction = () => [{ title: "Add a Filipino translation · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "staffHelp"], help: "writing-help-articles" };
export const headers = memberPageHeaders;

/** The English article to translate; a translation (or an unknown id) has nothing to translate from. */
async function sourceFor(request: Request, articleId: string | undefined) {
  const { user, record } = await requireRecord(request, "manage:help", async () => {
    const data = articleId ? await findArticleForEditor(articleId) : null;
    return data && !data.article.sourceId && data.article.locale === "en" ? data : null;
  });
  return { user, data: record };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { data } = await sourceFor(request, params.articleId);
  // One Filipino version per article: when it exists, this page is its editor.
  if (data.translation) throw redirect(`/staff/help/${data.translation.id}`);
  return Response.json(
    { article: data.article, sourceHtml: renderMarkdown(data.article.body) },
    { headers: memberPageHeaders() }
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, data } = await sourceFor(request, params.articleId);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "preview") return previewOf(form);
  if (intent !== "create") {
    return Response.json({ errors: { form: ["forms:choose"] }, values: formValues(form) }, { status: 400 });
  }
  const result = parseForm(translationForm, form);
  if (!result.ok) return invalid(result);
  const outcome = await createTranslation({ id: user.id }, data.article.id, result.data, {
    requestId: context.requestId,
    ipAddress: context.clientIp,
  });
  if (outcome.ok) return redirect(`/staff/help/${outcome.id}?done=translated`);
  if (outcome.reason === "exists") return redirect(`/staff/help/${outcome.id}`);
  if (outcome.reason === "notFound") throw new Response("Not Found", { status: 404 });
  const errors = outcome.reason === "invalid" ? outcome.errors : { form: ["forms:choose"] };
  return Response.json({ errors, values: formValues(form) }, { status: statusOf(outcome) });
}

interface LoaderData {
  article: ArticleForEditor["article"];
  sourceHtml: string;
}

export default function AddTranslation() {
  const { article, sourceHtml } = useLoaderData<LoaderData>();
  const { t } = useTranslation("staffHelp");
  const state = useFormState() as FormState & { preview?: { title: string; html: string } };
  return (
    <section aria-labelledby="translate-title" className="max-w-5xl space-y-6">
      <p>
        <a className="link" href={`/staff/help/${article.id}`}>
          {t("translate.back")}
        </a>
      </p>
      <h1 id="translate-title" className="text-2xl font-bold break-words">
        {t("translate.title", { title: article.title })}
      </h1>
      <p className="max-w-prose text-stone-800">{t("translate.intro")}</p>
      {state.preview ? <MarkdownPreview title={state.preview.title} html={state.preview.html} /> : null}
      <form method="post" className="max-w-3xl space-y-4" noValidate>
        <FormErrors state={state} />
        <TextField
          name="title"
          label={t("fields.title")}
          state={state}
          defaultValue={article.title}
          required
          maxLength={200}
          lang="fil"
        />
        <SelectField
          name="status"
          label={t("fields.status")}
          state={state}
          defaultValue="draft"
          options={(["draft", "published"] as const).map((status) => ({ value: status, label: t(`status.${status}`) }))}
        />
        <MarkdownField state={state} defaultValue={article.body} label={t("fields.bodyFilipino")} />
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="intent"
            value="preview"
            className="rounded border border-teal-800 bg-white px-4 py-2 font-semibold text-teal-900 hover:bg-teal-50"
          >
            {t("actions.preview")}
          </button>
          <button type="submit" name="intent" value="create" className="button">
            {t("translate.submit")}
          </button>
        </div>
      </form>
      <section
        aria-labelledby="source-title"
        className="max-w-3xl space-y-3 rounded border border-stone-300 bg-white p-4"
      >
        <h2 id="source-title" className="text-xl font-semibold">
          {t("source.title", { revision: article.revision })}
        </h2>
        <p className="text-lg font-semibold break-words" lang="en">
          {article.title}
        </p>
        <div lang="en">
          <HelpBody html={sourceHtml} />
        </div>
      </section>
    </section>
  );
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, SelectField, TextAreaField, TextField, useFormState } from "~/components/form";
import { newArticleForm } from "~/models/help-editing-forms.server";
import { statusOf } from "~/models/help-editing.server";
import { createHelpDraft, proposeHelpDraft, type HelpDraftProposal } from "~/models/forum/to-help-draft.server";
import { HELP_CATEGORIES, SLUG_MAX, TITLE_MAX } from "~/utils/help-content";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

/**
 * Support staff turn a forum question into a help article DRAFT: the form
 * starts with the question, the marked answer and a link back to the topic;
 * staff adjust it and save, then finish it in the help editor. Needs both
 * `manage:help` and `moderate:forum` (support staff have both).
 */

export const meta: MetaFunction = () => [{ title: "Help article from a question · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "forum", "staffHelp"] };
export const headers = memberPageHeaders;

const notFound = () => new Response("Not Found", { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, "manage:help");
  const proposal = await proposeHelpDraft(staff, params.topicId ?? "");
  if (!proposal) throw notFound();
  return Response.json({ proposal }, { headers: memberPageHeaders() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requirePermission(request, "manage:help");
  const topicId = params.topicId ?? "";
  if (!(await proposeHelpDraft(staff, topicId))) throw notFound();
  const form = await request.formData();
  // Always an article, always a draft: publishing is the help editor's decision.
  form.set("kind", "article");
  form.set("status", "draft");
  const result = parseForm(newArticleForm, form);
  if (!result.ok) return invalid(result);
  const { kind: _kind, status: _status, ...draft } = result.data;
  const outcome = await createHelpDraft(staff, topicId, draft, { requestId: context.requestId, ipAddress: context.clientIp });
  if (!outcome) throw notFound();
  if (!outcome.ok) {
    const errors = outcome.reason === "invalid" ? outcome.errors : { form: ["forum:moderation.errors.stale"] };
    return Response.json({ errors, values: formValues(form) }, { status: statusOf(outcome) });
  }
  return redirect(`/staff/help/${outcome.id}?done=created`);
}

export default function HelpDraftPage() {
  const { proposal } = useLoaderData<{ proposal: HelpDraftProposal }>();
  const { t } = useTranslation("forum");
  const { t: help } = useTranslation("staffHelp");
  const state = useFormState();
  return (
    <section aria-labelledby="draft-title" className="max-w-prose space-y-4">
      <p>
        <a className="link" href={`/community/t/${proposal.topicId}`}>
          {t("moderation.helpDraft.back")}
        </a>
      </p>
      <h1 id="draft-title" className="text-2xl font-bold">
        {t("moderation.helpDraft.title")}
      </h1>
      <p className="break-words">{t("moderation.helpDraft.lead", { title: proposal.topicTitle })}</p>
      {proposal.answered ? null : <p className="font-semibold">{t("moderation.helpDraft.noAnswer")}</p>}
      <form method="post" className="space-y-4" noValidate>
        <FormErrors state={state} />
        <TextField name="title" label={t("moderation.helpDraft.fields.title")} state={state} defaultValue={proposal.draft.title} maxLength={TITLE_MAX} />
        <TextField name="slug" label={t("moderation.helpDraft.fields.slug")} hint={t("moderation.helpDraft.fields.slugHint")} state={state} defaultValue={proposal.draft.slug} maxLength={SLUG_MAX} />
        <SelectField
          name="category"
          label={t("moderation.helpDraft.fields.category")}
          state={state}
          defaultValue={proposal.draft.category}
          options={HELP_CATEGORIES.filter((key) => key !== "faq" && key !== "policy").map((key) => ({ value: key, label: help(`categories.${key}`) }))}
        />
        <TextAreaField name="body" label={t("moderation.helpDraft.fields.body")} state={state} defaultValue={proposal.draft.body} rows={14} />
        <button type="submit" className="button">
          {t("moderation.helpDraft.submit")}
        </button>
      </form>
    </section>
  );
}

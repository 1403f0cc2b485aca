import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, SelectField, TextField, useFormState, valueOf, type FormState } from "~/components/form";
import { MarkdownField, MarkdownPreview, OutOfDateBadge, StatusBadge, useDateTime } from "~/components/help-editing";
import { newArticleForm } from "~/models/help-editing-forms.server";
import { createArticle, statusOf } from "~/models/help-editing.server";
import { listForStaff, type StaffEntry, type StaffVersion } from "~/models/help-staff-view.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";
import { HELP_CATEGORIES } from "~/utils/help-content";
import { previewOf } from "~/utils/help-preview.server";

export const meta: MetaFunction = () => [{ title: "Help articles · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "staffHelp"], help: "writing-help-articles" };
export const headers = memberPageHeaders;

/** Support staff's list of every help article and FAQ entry, and the form for a new one. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:help");
  return Response.json({ entries: await listForStaff() }, { headers: memberPageHeaders() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:help");
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "preview") return previewOf(form);
  if (intent !== "create") {
    return Response.json({ errors: { form: ["forms:choose"] }, values: formValues(form) }, { status: 400 });
  }
  const result = parseForm(newArticleForm, form);
  if (!result.ok) return invalid(result);
  const outcome = await createArticle({ id: user.id }, result.data, {
    requestId: context.requestId,
    ipAddress: context.clientIp,
  });
  if (outcome.ok) return redirect(`/staff/help/${outcome.id}?done=created`);
  const errors = outcome.reason === "invalid" ? outcome.errors : { form: ["forms:choose"] };
  return Response.json({ errors, values: formValues(form) }, { status: statusOf(outcome) });
}

export default function StaffHelpList() {
  const { entries } = useLoaderData<{ entries: StaffEntry[] }>();
  const { t } = useTranslation("staffHelp");
  return (
    <section aria-labelledby="staff-help-title" className="space-y-8">
      <div className="space-y-2">
        <h1 id="staff-help-title" className="text-2xl font-bold">
          {t("list.title")}
        </h1>
        <p className="max-w-prose text-stone-800">{t("list.intro")}</p>
        <p>
          <a className="link" href="/staff/privacy">
            {t("list.privacyPolicy")}
          </a>
        </p>
      </div>
      {entries.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <ul aria-label={t("list.label")} className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {entries.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
      <NewArticleForm />
    </section>
  );
}

function Entry({ entry }: { entry: StaffEntry }) {
  const { t } = useTranslation("staffHelp");
  const filipino = entry.translations.find((version) => version.locale === "fil");
  return (
    <li className="space-y-2 px-3 py-3" data-slug={entry.slug}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <a className="link font-semibold break-words" href={`/staff/help/${entry.id}`}>
          {entry.title}
        </a>
        <span className="text-sm text-stone-700">
          {t(`kinds.${entry.kind}`)} · {t(`categories.${entry.category}`, { defaultValue: entry.category })} ·{" "}
          <code className="wrap-anywhere">{entry.slug}</code>
        </span>
      </div>
      <ul className="space-y-1 text-sm">
        <Version version={entry} />
        {filipino ? (
          <Version version={filipino} />
        ) : (
          <li className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">{t("languages.fil")}:</span>
            <span>{t("list.noTranslation")}</span>
            <a className="link" href={`/staff/help/${entry.id}/translate`}>
              {t("translation.add")}
            </a>
          </li>
        )}
      </ul>
    </li>
  );
}

function Version({ version }: { version: StaffVersion }) {
  const { t } = useTranslation("staffHelp");
  const when = useDateTime();
  const { feedback } = version;
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1" data-locale={version.locale}>
      <a className="link font-semibold" href={`/staff/help/${version.id}`}>
        {t(`languages.${version.locale}`)}
      </a>
      <StatusBadge status={version.status} />
      {version.outOfDate ? <OutOfDateBadge /> : null}
      <span className="text-stone-700">
        {t("list.updated", { when: when(version.updatedAt), name: version.updatedByName ?? t("list.unknownAuthor") })}
      </span>
      <span className="text-stone-700">
        {t("feedback.counts", { helpful: feedback.helpful, notHelpful: feedback.notHelpful })} ·{" "}
        {t("feedback.commentCount", { count: feedback.comments })}
      </span>
    </li>
  );
}

function NewArticleForm() {
  const { t } = useTranslation("staffHelp");
  const state = useFormState() as FormState & { preview?: { title: string; html: string } };
  return (
    <section aria-labelledby="new-article" className="max-w-3xl space-y-4">
      <h2 id="new-article" className="text-xl font-semibold">
        {t("create.title")}
      </h2>
      <p className="max-w-prose text-stone-800">{t("create.intro")}</p>
      {state.preview ? <MarkdownPreview title={state.preview.title} html={state.preview.html} /> : null}
      <form method="post" className="space-y-4" noValidate>
        <FormErrors state={state} />
        <SelectField
          name="kind"
          label={t("fields.kind")}
          state={state}
          defaultValue="article"
          options={(["article", "faq"] as const).map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        />
        <TextField name="title" label={t("fields.title")} state={state} required maxLength={200} />
        <TextField
          name="slug"
          label={t("fields.slug")}
          hint={t("fields.slugHint")}
          state={state}
          required
          maxLength={80}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <SelectField
          name="category"
          label={t("fields.category")}
          state={state}
          defaultValue="getting-started"
          options={HELP_CATEGORIES.map((key) => ({ value: key, label: t(`categories.${key}`) }))}
        />
        <p className="text-sm text-stone-700">{t("fields.faqCategoryHint")}</p>
        <SelectField
          name="status"
          label={t("fields.status")}
          state={state}
          defaultValue="draft"
          options={(["draft", "published"] as const).map((status) => ({ value: status, label: t(`status.${status}`) }))}
        />
        <MarkdownField state={state} defaultValue={valueOf(state, "body")} label={t("fields.body")} />
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
            {t("create.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

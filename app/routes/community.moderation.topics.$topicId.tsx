import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { SelectField, useFormState } from "~/components/form";
import { ModerationForm } from "~/components/forum/moderation-form";
import { ModeratedNotice } from "~/components/forum-moderation-tools";
import { ModerationNav } from "~/components/forum-moderation-nav";
import { i18next } from "~/i18n/i18next.server";
import { listCategories, type CategoryView } from "~/models/forum/categories.server";
import {
  findTopicForModeration,
  moderateTopic,
  topicActionForm,
  type TopicAction,
  type TopicForModeration,
} from "~/models/forum/topic-moderation.server";
import { formValues, invalid, parseForm, refused } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

/**
 * A whole topic as a moderator acts on it (`moderate:forum`): lock or unlock,
 * pin or unpin, move to another category, hide, delete or restore — locking,
 * moving, hiding and deleting with a reason its author is shown.
 */

export const meta: MetaFunction = () => [{ title: "Moderate a topic · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "forum"] };
export const headers = memberPageHeaders;

const notFound = () => new Response("Not Found", { status: 404 });
const DONE: readonly string[] = ["lock", "unlock", "pin", "unpin", "move", "hide", "delete", "restore"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, "moderate:forum");
  const topic = await findTopicForModeration(staff, params.topicId ?? "");
  if (!topic) throw notFound();
  const categories = await listCategories(await i18next.getLocale(request));
  return Response.json({ topic, categories }, { headers: memberPageHeaders() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requirePermission(request, "moderate:forum");
  const topicId = params.topicId ?? "";
  if (!(await findTopicForModeration(staff, topicId))) throw notFound();
  const form = await request.formData();
  const result = parseForm(topicActionForm, form);
  if (!result.ok) return invalid(result);
  const outcome = await moderateTopic(staff, topicId, result.data, { requestId: context.requestId, ipAddress: context.clientIp });
  if (!outcome.ok && outcome.reason === "notFound") throw notFound();
  if (!outcome.ok && outcome.reason === "invalid")
    return Response.json({ errors: outcome.errors, values: formValues(form) }, { status: 400 });
  if (!outcome.ok) return refused("forum:moderation.errors.stale", formValues(form), 409);
  return redirect(`/community/moderation/topics/${topicId}?done=${result.data.intent}`);
}

function actionsFor(topic: TopicForModeration): TopicAction[] {
  if (topic.state !== "visible") return ["restore", ...(topic.state === "hidden" ? (["delete"] as const) : [])];
  return [topic.locked ? "unlock" : "lock", topic.pinned ? "unpin" : "pin", "hide", "delete"];
}

export default function ModerateTopicPage() {
  const { topic, categories } = useLoaderData<{ topic: TopicForModeration; categories: CategoryView[] }>();
  const { t } = useTranslation("forum");
  const state = useFormState();
  const done = useSearchParams()[0].get("done");
  const others = categories.filter((category) => category.id !== topic.categoryId);
  const current = categories.find((category) => category.id === topic.categoryId);
  return (
    <section aria-labelledby="topic-title" className="max-w-3xl space-y-6">
      <ModerationNav current="other" />
      <h1 id="topic-title" className="text-2xl font-bold break-words">
        {t("moderation.topic.title", { title: topic.title })}
      </h1>
      {done && DONE.includes(done) ? (
        <p role="status" className="rounded border border-teal-700 bg-teal-50 p-3 text-teal-950">
          {t(`moderation.topic.done.${done}`)}
        </p>
      ) : null}
      <ul className="flex flex-wrap gap-x-4 text-sm">
        <li>{t(`moderation.topic.state.${topic.state}`)}</li>
        <li>{t(topic.locked ? "moderation.topic.isLocked" : "moderation.topic.isOpen")}</li>
        {topic.pinned ? <li>{t("moderation.topic.isPinned")}</li> : null}
        {current ? <li>{t("moderation.topic.inCategory", { name: current.name })}</li> : null}
      </ul>
      <p className="flex flex-wrap gap-x-4 text-sm">
        {topic.state === "visible" ? (
          <a className="link" href={`/community/t/${topic.id}`}>
            {t("moderation.topic.open")}
          </a>
        ) : null}
        {topic.forQuestions && topic.state === "visible" ? (
          <a className="link" href={`/community/t/${topic.id}/help-draft`}>
            {t("moderation.helpDraft.link")}
          </a>
        ) : null}
      </p>
      <ModeratedNotice state="published" reason={topic.moderationReason} />
      <ModerationForm
        title={t("moderation.topic.act")}
        reasonHint={t("moderation.topic.reasonHint")}
        state={state}
        actions={actionsFor(topic)}
        actionLabel={(intent) => t(`moderation.topic.actions.${intent}`)}
      >
        {topic.state === "visible" && others.length > 0 ? (
          <div className="space-y-2 border-t border-stone-300 pt-4">
            <SelectField
              name="categoryId"
              label={t("moderation.topic.moveTo")}
              state={state}
              options={others.map((category) => ({ value: category.id, label: category.name }))}
            />
            <button type="submit" name="intent" value="move" className="button">
              {t("moderation.topic.actions.move")}
            </button>
          </div>
        ) : null}
      </ModerationForm>
    </section>
  );
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, useFormState } from "~/components/form";
import { useTicketTime } from "~/components/support-ticket";
import { PostBodyField } from "~/components/forum/fields";
import { FORUM_TIME_ZONE } from "~/components/forum/forum-time";
import { notYourPost, requireForumUser } from "~/models/forum/access.server";
import { EDIT_WINDOW_MINUTES } from "~/models/forum/edit-window";
import { BODY_MAX, editForm, editPost, postForEditing } from "~/models/forum/posting.server";
import { invalid, parseForm, refused } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

/**
 * Edit one's own post within 30 minutes of writing it. The form carries the
 * post's id, and the action acts on that id: whoever changes it in the page
 * to someone else's post gets a 403 from the model's ownership check.
 */

export const meta: MetaFunction = () => [{ title: "Edit post · Community · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "forum"] };
export const headers = memberPageHeaders;

interface LoaderData {
  postId: string;
  topicId: string;
  title: string;
  body: string;
  editableUntil: string;
  tooLate: boolean;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireForumUser(request);
  const found = await postForEditing(user, params.postId ?? "");
  if (!found.ok && found.reason === "forbidden") throw notYourPost();
  if (!found.ok) throw new Response("Not Found", { status: 404 });
  const { ok: _ok, ...data } = found;
  return Response.json(data satisfies LoaderData, { headers: memberPageHeaders() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireForumUser(request);
  const form = await request.formData();
  const postId = String(form.get("postId") ?? params.postId ?? "");
  const result = parseForm(editForm, form);
  if (!result.ok) {
    // Someone else's post is a 403 whatever was typed.
    const found = await postForEditing(user, postId);
    if (!found.ok && found.reason === "forbidden") throw notYourPost();
    return invalid(result);
  }
  const outcome = await editPost(user, postId, result.data.body);
  if (outcome.ok) return redirect(`/community/t/${outcome.topicId}?done=edited#post-${postId}`);
  if (outcome.reason === "forbidden") throw notYourPost();
  if (outcome.reason === "not_found") throw new Response("Not Found", { status: 404 });
  return refused(`forum:errors.${outcome.reason}`, { body: result.data.body });
}

export default function EditPostPage() {
  const post = useLoaderData<LoaderData>();
  const { t } = useTranslation("forum");
  const state = useFormState();
  const when = useTicketTime(FORUM_TIME_ZONE);
  return (
    <section aria-labelledby="edit-title" className="max-w-prose space-y-4">
      <p>
        <a className="link break-words" href={`/community/t/${post.topicId}`}>
          {t("edit.back", { title: post.title })}
        </a>
      </p>
      <h1 id="edit-title" className="text-2xl font-bold">
        {t("edit.title")}
      </h1>
      {post.tooLate ? (
        <p className="font-semibold">{t("errors.too_late", { minutes: EDIT_WINDOW_MINUTES })}</p>
      ) : (
        <form method="post" className="space-y-4" noValidate>
          <input type="hidden" name="postId" value={post.postId} />
          <FormErrors state={state} />
          <p className="text-sm text-stone-700">
            {t("edit.until", { time: when(post.editableUntil), minutes: EDIT_WINDOW_MINUTES })}
          </p>
          <PostBodyField label={t("edit.body")} state={state} defaultValue={post.body} rows={8} maxLength={BODY_MAX} />
          <button type="submit" className="button">
            {t("edit.submit")}
          </button>
        </form>
      )}
    </section>
  );
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, useFormState } from "~/components/form";
import { ReasonField } from "~/components/forum/fields";
import { findFlaggablePost, flagForm, flagPost, type FlaggablePost } from "~/models/forum/flags.server";
import { invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

/**
 * Report a post to the moderators (`post:forum`). The topic page's small
 * "Report" form posts here; this page is where a report without a reason
 * comes back to, with the error and what was typed, and it works alone too.
 */

export const meta: MetaFunction = () => [{ title: "Report a post · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "forum"] };
export const headers = memberPageHeaders;

const notFound = () => new Response("Not Found", { status: 404 });
const ownPost = () => new Response("Forbidden: you cannot report your own post", { status: 403 });

async function reportable(request: Request, postId: string) {
  const user = await requirePermission(request, "post:forum");
  const post = await findFlaggablePost(user, postId);
  if (!post) throw notFound();
  if (post.own) throw ownPost();
  return { user, post };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { post } = await reportable(request, params.postId ?? "");
  return Response.json({ post }, { headers: memberPageHeaders() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const postId = params.postId ?? "";
  const { user } = await reportable(request, postId);
  const result = parseForm(flagForm, await request.formData());
  if (!result.ok) return invalid(result);
  const outcome = await flagPost(user, postId, result.data, { requestId: context.requestId, ipAddress: context.clientIp });
  if (!outcome.ok) throw outcome.reason === "own" ? ownPost() : notFound();
  return redirect(`/community/t/${outcome.topicId}?flagged=${postId}#post-${postId}`);
}

export default function ReportPost() {
  const { post } = useLoaderData<{ post: FlaggablePost }>();
  const { t } = useTranslation("forum");
  const state = useFormState();
  return (
    <section aria-labelledby="report-title" className="max-w-prose space-y-4">
      <p>
        <a className="link" href={`/community/t/${post.topicId}#post-${post.id}`}>
          {t("moderation.flag.back")}
        </a>
      </p>
      <h1 id="report-title" className="text-2xl font-bold">
        {t("moderation.flag.title")}
      </h1>
      <p className="break-words">{t("moderation.flag.which", { title: post.topicTitle, name: post.authorName })}</p>
      <blockquote className="border-l-4 border-stone-300 pl-3 break-words text-stone-800">{post.excerpt}</blockquote>
      <p>{t("moderation.flag.explain")}</p>
      <form method="post" className="space-y-4" noValidate>
        <FormErrors state={state} />
        <ReasonField
          label={t("moderation.flag.reason")}
          hint={t("moderation.flag.reasonHint")}
          state={state}
          rows={4}
        />
        <button type="submit" className="button">
          {t("moderation.flag.submit")}
        </button>
      </form>
    </section>
  );
}

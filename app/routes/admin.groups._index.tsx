import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/guards.server";
import { FormErrors, TextField, useFormState } from "~/components/form";
import { createGroup, groupActorFor, groupForm, listGroups, type GroupSummary } from "~/models/groups.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Groups · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "adminGroups"], help: "groups-and-leaders" };
export const headers = memberPageHeaders;

/** Administrators (manage:groups) and leaders (manage:roster:group); anyone else gets 403. */
async function requireGroupActor(request: Request) {
  const actor = await groupActorFor(await requireUser(request));
  if (!actor) throw new Response("Forbidden: this needs the permission manage:groups or manage:roster:group", { status: 403 });
  return actor;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGroupActor(request);
  return Response.json({ groups: await listGroups(actor), manageAll: actor.manageAll }, { headers: memberPageHeaders() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireGroupActor(request);
  if (!actor.manageAll) throw new Response("Forbidden: this needs the permission manage:groups", { status: 403 });
  const form = await request.formData();
  const result = parseForm(groupForm, form);
  if (!result.ok) return invalid(result);
  const outcome = await createGroup(actor, result.data, { requestId: context.requestId, ipAddress: context.clientIp });
  if (!outcome.ok) {
    return Response.json({ errors: { [outcome.field]: [outcome.message] }, values: formValues(form) }, { status: outcome.status });
  }
  return redirect(`/admin/groups/${outcome.id}?done=created`);
}

export default function Groups() {
  const { groups, manageAll } = useLoaderData<{ groups: GroupSummary[]; manageAll: boolean }>();
  const { t } = useTranslation("adminGroups");
  const state = useFormState();
  const deleted = useSearchParams()[0].get("done") === "deleted";
  return (
    <section aria-labelledby="groups-title" className="space-y-6">
      <h1 id="groups-title" className="text-2xl font-bold">
        {t("title")}
      </h1>
      {deleted ? (
        <p role="status" className="rounded border border-teal-800 bg-teal-50 p-3 text-teal-950">
          {t("status.deleted")}
        </p>
      ) : null}
      <p className="max-w-prose text-stone-800">{t(manageAll ? "intro.admin" : "intro.leader")}</p>
      {groups.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul aria-label={t("listLabel")} className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {groups.map((group) => (
            <li key={group.id} className="space-y-1 px-3 py-2">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                <a className="link font-semibold break-words" href={`/admin/groups/${group.id}`}>
                  {group.name}
                </a>
                <span className="text-sm text-stone-700">
                  {t("memberCount", { count: group.memberCount })} · {t("leaderCount", { count: group.leaderCount })}
                </span>
              </div>
              {group.description ? <p className="text-sm break-words text-stone-700">{group.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {manageAll ? (
        <section aria-labelledby="add-group" className="max-w-prose space-y-4">
          <h2 id="add-group" className="text-xl font-semibold">
            {t("create.title")}
          </h2>
          <form method="post" className="space-y-4" noValidate>
            <FormErrors state={state} />
            <TextField name="name" label={t("fields.name")} state={state} required maxLength={80} />
            <TextField name="description" label={t("fields.description")} hint={t("fields.descriptionHint")} state={state} maxLength={500} />
            <button type="submit" className="button">
              {t("create.submit")}
            </button>
          </form>
        </section>
      ) : null}
    </section>
  );
}

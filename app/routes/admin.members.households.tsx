import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, SelectField, TextField, useFormState } from "~/components/form";
import { HouseholdMatchChoices, householdLabel, type HouseholdFormState } from "~/components/household-fields";
import { HouseholdChoiceNeeded } from "~/models/household-lookup.server";
import {
  householdOptions,
  listHouseholds,
  mergeByNameSchema,
  mergeHouseholds,
  mergeSchema,
  renameHousehold,
  renameSchema,
  type HouseholdOption,
  type HouseholdPage,
} from "~/models/households.server";
import { adminViewerFor } from "~/models/members-admin.server";
import { AdminRefusal } from "~/models/user-admin.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";
import { Pagination } from "~/components/pagination";
import { pageParam } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "Households · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "adminMembers"], help: "managing-member-records" };
export const headers = memberPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:members");
  const viewer = await adminViewerFor(user);
  const search = new URL(request.url).searchParams;
  const [list, options] = await Promise.all([
    listHouseholds(viewer, { q: search.get("q") ?? "", page: pageParam(search) }),
    householdOptions(viewer),
  ]);
  return Response.json({ ...list, options, done: search.get("done") }, { headers: memberPageHeaders() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:members");
  const viewer = await adminViewerFor(user);
  const meta = { requestId: context.requestId, ipAddress: context.clientIp };
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "rename") {
      const result = parseForm(renameSchema, form);
      if (!result.ok) return invalid(result);
      await renameHousehold(viewer, result.data.householdId, result.data.name, meta);
      return redirect(`/admin/members/households?done=renamed`);
    }
    if (intent === "merge") {
      // The form past HOUSEHOLD_SELECT_LIMIT names the households instead of listing them.
      const result = form.has("fromName") ? parseForm(mergeByNameSchema, form) : parseForm(mergeSchema, form);
      if (!result.ok) return invalid(result);
      await mergeHouseholds(viewer, result.data, meta);
      return redirect(`/admin/members/households?done=merged`);
    }
  } catch (error) {
    if (!(error instanceof AdminRefusal)) throw error;
    // Another church's household, or one merged away meanwhile: nothing to say about it.
    if (error.status === 404) throw new Response("Not found", { status: 404 });
    const extra = error instanceof HouseholdChoiceNeeded ? error.formExtra : {};
    return Response.json({ errors: { [error.field]: [error.messageKey] }, values: formValues(form), ...extra }, { status: 400 });
  }
  throw new Response("Unknown action", { status: 400 });
}

type LoaderData = HouseholdPage & { options: HouseholdOption[] | null; done: string | null };

export default function AdminHouseholds() {
  const data = useLoaderData<LoaderData>();
  const state = useFormState();
  const { t } = useTranslation("adminMembers");
  const { households, q, page, pageCount, total } = data;
  const pageLink = (to: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(to) })}`;
  const renameState = state.values?.intent === "rename" ? state : {};
  return (
    <section aria-labelledby="households-title" className="space-y-8">
      <p>
        <a className="link" href="/admin/members">
          {t("member.back")}
        </a>
      </p>
      <div className="space-y-2">
        <h1 id="households-title" className="text-2xl font-bold">
          {t("households.title")}
        </h1>
        <p>{t("households.intro")}</p>
      </div>
      {data.done === "renamed" || data.done === "merged" ? (
        <p role="status" className="rounded border border-teal-700 bg-teal-50 p-3 text-teal-950">
          {t(`households.notices.${data.done}`)}
        </p>
      ) : null}
      <FormErrors state={renameState} />
      <form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="households-q" className="block font-semibold">
            {t("households.search")}
          </label>
          <input id="households-q" name="q" type="search" defaultValue={q} maxLength={100} className="w-full rounded border border-stone-500 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </form>
      <p className="text-sm text-stone-700">{t("households.count", { count: total })}</p>
      <ul className="space-y-3">
        {households.map((household) => (
          <li key={household.id} className="space-y-2 rounded border border-stone-300 bg-white p-3">
            <h2 className="font-semibold break-words">{household.name}</h2>
            {household.members.length === 0 ? (
              <p className="text-sm text-stone-700">{t("households.noMembers")}</p>
            ) : (
              <ul className="text-sm">
                {household.members.map((member) => (
                  <li key={member.id}>
                    <a className="link" href={`/admin/members/${member.id}`}>
                      {member.name ?? (member.nameHidden ? t("hiddenName") : t("withheldName"))}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            <form method="post" className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="intent" value="rename" />
              <input type="hidden" name="householdId" value={household.id} />
              <div className="min-w-0 flex-1 space-y-1">
                <label htmlFor={`rename-${household.id}`} className="block text-sm font-semibold">
                  {t("households.renameLabel", { name: household.name })}
                </label>
                <input
                  id={`rename-${household.id}`}
                  name="name"
                  defaultValue={household.name}
                  maxLength={200}
                  required
                  aria-invalid={renameState.values?.householdId === household.id && renameState.errors?.name ? true : undefined}
                  aria-describedby={
                    renameState.values?.householdId === household.id && renameState.errors?.name ? `rename-${household.id}-error` : undefined
                  }
                  className="w-full rounded border border-stone-500 bg-white px-3 py-2"
                />
              </div>
              <button type="submit" className="button">
                {t("households.rename")}
              </button>
              {renameState.values?.householdId === household.id && renameState.errors?.name ? (
                <p id={`rename-${household.id}-error`} className="w-full text-sm font-semibold text-red-800">
                  {renameState.errors.name.map((key) => t(key)).join(" ")}
                </p>
              ) : null}
            </form>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} hrefFor={pageLink} />
      <MergeForm options={data.options} state={state.values?.intent === "merge" ? state : {}} />
    </section>
  );
}

function MergeForm({ options, state }: { options: HouseholdOption[] | null; state: HouseholdFormState }) {
  const { t } = useTranslation("adminMembers");
  const choices = [
    { value: "", label: t("households.merge.pick") },
    ...(options ?? []).map((o) => ({ value: o.id, label: householdLabel(t, o) })),
  ];
  return (
    <form method="post" className="max-w-prose space-y-3" noValidate>
      <h2 className="text-lg font-semibold">{t("households.merge.title")}</h2>
      <p>{t("households.merge.body")}</p>
      <input type="hidden" name="intent" value="merge" />
      <FormErrors state={state} />
      {options === null ? (
        <>
          <TextField name="fromName" label={t("households.merge.from")} hint={t("household.findHint")} state={state} autoComplete="off" />
          <HouseholdMatchChoices state={state} field="fromName" />
          <TextField name="intoName" label={t("households.merge.into")} hint={t("household.findHint")} state={state} autoComplete="off" />
          <HouseholdMatchChoices state={state} field="intoName" />
        </>
      ) : (
        <>
          <SelectField name="fromId" label={t("households.merge.from")} state={state} options={choices} />
          <SelectField name="intoId" label={t("households.merge.into")} state={state} options={choices} />
        </>
      )}
      <button type="submit" className="button">
        {t("households.merge.submit")}
      </button>
    </form>
  );
}

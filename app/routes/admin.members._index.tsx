import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { FormErrors, TextField, useFormState, type FormState } from "~/components/form";
import { HouseholdChoiceNeeded } from "~/models/household-lookup.server";
import { householdOptions, type HouseholdOption } from "~/models/households.server";
import { adminViewerFor, createMember, listMembers, newMemberSchema, type MemberListPage } from "~/models/members-admin.server";
import { AdminRefusal } from "~/models/user-admin.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";
import { HouseholdFields } from "~/components/household-fields";
import { Pagination } from "~/components/pagination";
import { pageParam } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "Members · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "me", "adminMembers"], help: "managing-member-records" };
export const headers = memberPageHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:members");
  const viewer = await adminViewerFor(user);
  const search = new URL(request.url).searchParams;
  const [list, households] = await Promise.all([
    listMembers(
      viewer,
      { q: search.get("q") ?? "", page: pageParam(search) },
      { recordView: { requestId: context.requestId, ipAddress: context.clientIp } },
    ),
    householdOptions(viewer),
  ]);
  return Response.json(
    {
      ...list,
      households,
      churchName: user.churchName,
      removed: search.get("removed") === "1",
      canImport: can(user, "import:members"),
      canExport: can(user, "export:members"),
    },
    { headers: memberPageHeaders() },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:members");
  const viewer = await adminViewerFor(user);
  const form = await request.formData();
  if (form.get("intent") !== "add") throw new Response("Unknown action", { status: 400 });
  const result = parseForm(newMemberSchema, form);
  if (!result.ok) return invalid(result);
  try {
    const id = await createMember(viewer, result.data, { requestId: context.requestId, ipAddress: context.clientIp });
    return redirect(`/admin/members/${id}?done=created`);
  } catch (error) {
    if (!(error instanceof AdminRefusal)) throw error;
    if (error.status === 404) throw new Response("Not found", { status: 404 });
    const extra = error instanceof HouseholdChoiceNeeded ? error.formExtra : {};
    return Response.json({ errors: { [error.field]: [error.messageKey] }, values: formValues(form), ...extra }, { status: 400 });
  }
}

type LoaderData = MemberListPage & {
  households: HouseholdOption[] | null;
  churchName: string | null;
  removed: boolean;
  canImport: boolean;
  canExport: boolean;
};

export default function AdminMembers() {
  const data = useLoaderData<LoaderData>();
  const state = useFormState();
  const { t } = useTranslation("adminMembers");
  return (
    <section aria-labelledby="members-title" className="space-y-8">
      <div className="space-y-2">
        <h1 id="members-title" className="text-2xl font-bold">
          {t("title")}
        </h1>
        <p>{t("intro", { church: data.churchName })}</p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li>
            <a className="link" href="#add-title">
              {t("add.title")}
            </a>
          </li>
          <li>
            <a className="link" href="/admin/members/households">
              {t("links.households")}
            </a>
          </li>
          {data.canImport ? (
            <li>
              <a className="link" href="/admin/members/import">
                {t("links.import")}
              </a>
            </li>
          ) : null}
          {data.canExport ? (
            <li>
              <a className="link" href="/admin/members/export.csv" download>
                {t("links.export")}
              </a>
            </li>
          ) : null}
        </ul>
      </div>
      {data.removed ? (
        <p role="status" className="rounded border border-teal-700 bg-teal-50 p-3 text-teal-950">
          {t("notices.removed")}
        </p>
      ) : null}
      <MemberList data={data} />
      <AddMember households={data.households} state={state} />
    </section>
  );
}

function MemberList({ data }: { data: LoaderData }) {
  const { t } = useTranslation("adminMembers");
  const { entries, q, page, pageCount, total } = data;
  const pageLink = (to: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(to) })}`;
  return (
    <div className="space-y-4">
      <form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="members-q" className="block font-semibold">
            {t("search.label")}
          </label>
          <input id="members-q" name="q" type="search" defaultValue={q} maxLength={100} className="w-full rounded border border-stone-500 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
        {q ? (
          <a className="link py-2" href="/admin/members">
            {t("search.clear")}
          </a>
        ) : null}
      </form>
      <p className="text-sm text-stone-700">{q ? t("matches", { count: total }) : t("count", { count: total })}</p>
      {entries.length === 0 ? (
        <p>{q ? t("noMatch", { q }) : t("empty")}</p>
      ) : (
        <ul aria-label={t("list.label")} className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {entries.map((entry) => (
            <li key={entry.id} className="space-y-1 px-3 py-3">
              <a className="link font-semibold" href={`/admin/members/${entry.id}`}>
                {entry.name ?? (entry.nameHidden ? t("hiddenName") : t("withheldName"))}
              </a>
              {entry.listed ? null : <span className="ml-2 rounded bg-stone-200 px-2 text-sm text-stone-900">{t("list.unlisted")}</span>}
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-sm">
                {entry.householdName ? (
                  <>
                    <dt className="text-stone-700">{t("fields.household")}</dt>
                    <dd className="break-words">{entry.householdName}</dd>
                  </>
                ) : null}
                {entry.email ? (
                  <>
                    <dt className="text-stone-700">{t("fields.email")}</dt>
                    <dd className="break-all">{entry.email}</dd>
                  </>
                ) : null}
                {entry.phone ? (
                  <>
                    <dt className="text-stone-700">{t("fields.phone")}</dt>
                    <dd>{entry.phone}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={pageLink} />
    </div>
  );
}

function AddMember({ households, state }: { households: HouseholdOption[] | null; state: FormState }) {
  const { t } = useTranslation("adminMembers");
  return (
    <div className="space-y-3">
      <h2 id="add-title" className="text-lg font-semibold">
        {t("add.title")}
      </h2>
      <form method="post" aria-labelledby="add-title" className="max-w-prose space-y-4" noValidate>
        <input type="hidden" name="intent" value="add" />
        <FormErrors state={state} />
        <TextField name="givenName" label={t("fields.givenName")} state={state} autoComplete="off" required />
        <TextField name="familyName" label={t("fields.familyName")} state={state} autoComplete="off" required />
        <TextField name="email" type="email" label={t("fields.email")} optional state={state} autoComplete="off" />
        <TextField name="phone" type="tel" label={t("fields.phone")} hint={t("fields.phoneHint")} optional state={state} autoComplete="off" />
        <TextField name="address" label={t("fields.address")} optional state={state} autoComplete="off" />
        <TextField name="birthday" type="date" label={t("fields.birthday")} hint={t("fields.birthdayHint")} optional state={state} />
        <HouseholdFields households={households} state={state} defaultChoice="new" />
        <button type="submit" className="button">
          {t("add.submit")}
        </button>
      </form>
    </div>
  );
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, TextField, useFormState, type FormState } from "~/components/form";
import { HouseholdFields } from "~/components/household-fields";
import { HouseholdChoiceNeeded } from "~/models/household-lookup.server";
import { householdChoice, householdOptions, type HouseholdOption } from "~/models/households.server";
import { mergeMembers } from "~/models/member-merge.server";
import {
  adminViewerFor,
  detailsSchemaFor,
  findMember,
  listMembers,
  moveMember,
  removeMember,
  updateMember,
  type MemberDetail,
  type MemberListEntry,
} from "~/models/members-admin.server";
import { AdminRefusal } from "~/models/user-admin.server";
import type { RequestMeta } from "~/models/users.server";
import { fields, formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Member · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "me", "adminMembers"], help: "managing-member-records" };
export const headers = memberPageHeaders;

const MERGE_FIELDS = ["email", "birthday"] as const;

/**
 * One member of the admin's church; a removed member or another church's id is a plain 404.
 * `recordView`: the page is about to show the record, so showing private details is audited.
 */
async function load(request: Request, memberId: string | undefined, recordView?: RequestMeta) {
  const user = await requirePermission(request, "manage:members");
  const viewer = await adminViewerFor(user);
  const detail = memberId ? await findMember(viewer, memberId, { recordView }) : null;
  if (!detail) throw new Response("Not found", { status: 404 });
  return { viewer, detail };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const recordView = { requestId: context.requestId, ipAddress: context.clientIp };
  const { viewer, detail } = await load(request, params.memberId, recordView);
  const search = new URL(request.url).searchParams;
  const find = (search.get("find") ?? "").trim().slice(0, 100);
  // The merge candidates show e-mail and birthday: an access event like the members list.
  const candidates = find
    ? (await listMembers(viewer, { q: find, except: detail.member.id }, { recordView, shows: MERGE_FIELDS })).entries
    : [];
  return Response.json(
    { detail, households: await householdOptions(viewer), find, candidates, done: search.get("done") },
    { headers: memberPageHeaders() },
  );
}

const householdSchema = z.object(householdChoice);
const confirmed = z.literal("yes", { errorMap: () => ({ message: "adminMembers:confirmRequired" }) });
const removeSchema = z.object({ confirm: confirmed });
const mergeSchema = z.object({ otherId: fields.uuid, confirm: confirmed });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, detail } = await load(request, params.memberId);
  const id = detail.member.id;
  const meta = { requestId: context.requestId, ipAddress: context.clientIp };
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const done = (what: string) => redirect(`/admin/members/${id}?done=${what}`);
  try {
    if (intent === "details") {
      const result = parseForm(detailsSchemaFor(detail.access), form);
      if (!result.ok) return invalid(result);
      await updateMember(viewer, id, result.data, meta);
      return done("saved");
    }
    if (intent === "household") {
      const result = parseForm(householdSchema, form);
      if (!result.ok) return invalid(result);
      await moveMember(viewer, id, result.data, meta);
      return done("moved");
    }
    if (intent === "remove") {
      const result = parseForm(removeSchema, form);
      if (!result.ok) return invalid(result);
      await removeMember(viewer, id, meta);
      return redirect("/admin/members?removed=1");
    }
    if (intent === "merge") {
      const result = parseForm(mergeSchema, form);
      if (!result.ok) return invalid(result);
      await mergeMembers(viewer, id, result.data.otherId, meta);
      return done("merged");
    }
  } catch (error) {
    if (!(error instanceof AdminRefusal)) throw error;
    if (error.status === 404) throw new Response("Not found", { status: 404 });
    const extra = error instanceof HouseholdChoiceNeeded ? error.formExtra : {};
    return Response.json({ errors: { [error.field]: [error.messageKey] }, values: formValues(form), ...extra }, { status: 400 });
  }
  throw new Response("Unknown action", { status: 400 });
}

interface LoaderData {
  detail: MemberDetail;
  households: HouseholdOption[] | null;
  find: string;
  candidates: MemberListEntry[];
  done: string | null;
}

/** A form's own errors: each form on the page shows those of its last post only. */
const stateFor = (state: FormState, intent: string): FormState => (state.values?.intent === intent ? state : {});

export default function AdminMember() {
  const { detail, households, find, candidates, done } = useLoaderData<LoaderData>();
  const state = useFormState();
  const { t } = useTranslation("adminMembers");
  const { member } = detail;
  return (
    <section aria-labelledby="member-title" className="mx-auto max-w-prose space-y-8">
      <p>
        <a className="link" href="/admin/members">
          {t("member.back")}
        </a>
      </p>
      <div className="space-y-3">
        <h1 id="member-title" className="text-2xl font-bold break-words">
          {member.name ?? (detail.access.name === "hidden" ? t("hiddenName") : t("withheldName"))}
        </h1>
        {done && ["created", "saved", "moved", "merged"].includes(done) ? (
          <p role="status" className="rounded border border-teal-700 bg-teal-50 p-3 text-teal-950">
            {t(`notices.${done}`)}
          </p>
        ) : null}
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1">
          <dt className="font-semibold">{t("fields.household")}</dt>
          <dd className="break-words">{detail.household?.name ?? t("household.noneShort")}</dd>
          <dt className="font-semibold">{t("member.groups")}</dt>
          <dd>{detail.groups.length ? detail.groups.map((g) => g.name).join(", ") : t("member.noGroups")}</dd>
          <dt className="font-semibold">{t("member.directory")}</dt>
          <dd>{detail.listed ? t("member.listed") : t("member.unlisted")}</dd>
          <dt className="font-semibold">{t("member.account")}</dt>
          <dd>{detail.hasAccount ? t("member.hasAccount") : t("member.noAccount")}</dd>
        </dl>
      </div>
      <DetailsForm detail={detail} state={stateFor(state, "details")} />
      <form method="post" className="space-y-3" noValidate>
        <h2 className="text-lg font-semibold">{t("member.moveTitle")}</h2>
        <input type="hidden" name="intent" value="household" />
        <FormErrors state={stateFor(state, "household")} />
        <HouseholdFields
          households={households}
          state={stateFor(state, "household")}
          defaultChoice={detail.household?.id ?? ""}
          current={detail.household}
        />
        <button type="submit" className="button">
          {t("member.moveSubmit")}
        </button>
      </form>
      <MergeSection find={find} candidates={candidates} state={stateFor(state, "merge")} />
      <form method="post" className="space-y-3 rounded border border-red-800 p-3">
        <h2 className="text-lg font-semibold">{t("remove.title")}</h2>
        <p>{t("remove.body")}</p>
        <input type="hidden" name="intent" value="remove" />
        <FormErrors state={stateFor(state, "remove")} />
        <Confirm label={t("remove.confirm")} state={stateFor(state, "remove")} id="remove-confirm" />
        <button type="submit" className="rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900">
          {t("remove.submit")}
        </button>
      </form>
      <p><a className="link" href={`/admin/members/${member.id}/erase`}>{t("adminRequests:erase.link")}</a></p>
    </section>
  );
}

function DetailsForm({ detail, state }: { detail: MemberDetail; state: FormState }) {
  const { t } = useTranslation("adminMembers");
  const { member, access } = detail;
  const notShown = (field: "name" | "phone" | "email" | "address" | "birthday", label: string) => (
    <div className="space-y-1">
      <p className="font-semibold">{label}</p>
      <p className="text-stone-700">{access[field] === "hidden" ? t("member.hiddenByMember") : t("member.withheld")}</p>
    </div>
  );
  return (
    <form method="post" className="space-y-4" noValidate>
      <h2 className="text-lg font-semibold">{t("member.detailsTitle")}</h2>
      <input type="hidden" name="intent" value="details" />
      <FormErrors state={state} />
      {access.name === "visible" ? (
        <>
          <TextField name="givenName" label={t("fields.givenName")} state={state} defaultValue={member.givenName} autoComplete="off" required />
          <TextField name="familyName" label={t("fields.familyName")} state={state} defaultValue={member.familyName} autoComplete="off" required />
        </>
      ) : (
        notShown("name", t("fields.name"))
      )}
      {access.email === "visible" ? (
        <TextField name="email" type="email" label={t("fields.email")} optional state={state} defaultValue={member.email ?? ""} autoComplete="off" />
      ) : (
        notShown("email", t("fields.email"))
      )}
      {access.phone === "visible" ? (
        <TextField name="phone" type="tel" label={t("fields.phone")} hint={t("fields.phoneHint")} optional state={state} defaultValue={member.phone ?? ""} autoComplete="off" />
      ) : (
        notShown("phone", t("fields.phone"))
      )}
      {access.address === "visible" ? (
        <TextField name="address" label={t("fields.address")} optional state={state} defaultValue={member.address ?? ""} autoComplete="off" />
      ) : (
        notShown("address", t("fields.address"))
      )}
      {access.birthday === "visible" ? (
        <TextField name="birthday" type="date" label={t("fields.birthday")} hint={t("fields.birthdayHint")} optional state={state} defaultValue={member.birthday ?? ""} />
      ) : (
        notShown("birthday", t("fields.birthday"))
      )}
      <button type="submit" className="button">
        {t("member.save")}
      </button>
    </form>
  );
}

function Confirm({ label, state, id }: { label: string; state: FormState; id: string }) {
  const { t } = useTranslation("adminMembers");
  const errors = state.errors?.confirm;
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          name="confirm"
          value="yes"
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${id}-error` : undefined}
          className="mt-1 h-5 w-5"
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {errors ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
          {errors.map((key) => t(key)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function MergeSection({ find, candidates, state }: { find: string; candidates: MemberListEntry[]; state: FormState }) {
  const { t } = useTranslation("adminMembers");
  return (
    <div className="space-y-3">
      <h2 className="text-lg font-semibold">{t("merge.title")}</h2>
      <p>{t("merge.body")}</p>
      <form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="merge-find" className="block font-semibold">
            {t("merge.find")}
          </label>
          <input id="merge-find" name="find" type="search" defaultValue={find} maxLength={100} className="w-full rounded border border-stone-500 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="button">
          {t("merge.search")}
        </button>
      </form>
      {state.errors?.otherId || state.errors?.form ? (
        <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {[...(state.errors.otherId ?? []), ...(state.errors.form ?? [])].map((key) => (
            <p key={key}>{t(key)}</p>
          ))}
        </div>
      ) : null}
      {find && candidates.length === 0 ? <p>{t("merge.noMatch", { q: find })}</p> : null}
      {candidates.length > 0 ? (
        <form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="merge" />
          <fieldset className="space-y-2">
            <legend className="font-semibold">{t("merge.choose")}</legend>
            {candidates.map((candidate) => (
              <div key={candidate.id} className="flex items-start gap-2">
                <input id={`merge-${candidate.id}`} type="radio" name="otherId" value={candidate.id} className="mt-1 h-5 w-5" />
                <label htmlFor={`merge-${candidate.id}`} className="break-words">
                  {candidate.name}
                  {[candidate.email, candidate.birthday, candidate.householdName].filter(Boolean).length > 0 ? (
                    <span className="block text-sm text-stone-700">
                      {[candidate.email, candidate.birthday, candidate.householdName].filter(Boolean).join(" · ")}
                    </span>
                  ) : null}
                </label>
              </div>
            ))}
          </fieldset>
          <Confirm label={t("merge.confirm")} state={state} id="merge-confirm" />
          <button type="submit" className="button">
            {t("merge.submit")}
          </button>
        </form>
      ) : null}
    </div>
  );
}

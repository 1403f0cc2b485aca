import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/guards.server";
import { FormErrors, TextField, useFormState, type FormState, ConfirmCheckbox } from "~/components/form";
import {
  addMember,
  canEditRoster,
  deleteGroup,
  findGroup,
  groupActorFor,
  groupForm,
  removeMember,
  searchMembersToAdd,
  setGroupRole,
  updateGroup,
  type GroupDetail,
  type GroupOutcome,
  type RosterEntry,
} from "~/models/groups.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Group · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "adminGroups"], help: "groups-and-leaders" };
export const headers = memberPageHeaders;

/** The actor and the group, or 404 (unknown, another church's) / 403 (a group they do not lead). */
async function groupFor(request: Request, groupId: string | undefined) {
  const actor = await groupActorFor(await requireUser(request));
  if (!actor) throw new Response("Forbidden: this needs the permission manage:groups or manage:roster:group", { status: 403 });
  const group = groupId ? await findGroup(actor, groupId) : null;
  if (!group) throw new Response("Not Found", { status: 404 });
  if (!canEditRoster(actor, group.id)) throw new Response("Forbidden: you do not lead this group", { status: 403 });
  return { actor, group };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, group } = await groupFor(request, params.groupId);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const results = q ? await searchMembersToAdd(actor, group.id, q) : [];
  return Response.json(
    { group, manageAll: actor.manageAll, q, results, done: url.searchParams.get("done") },
    { headers: memberPageHeaders() },
  );
}

const DONE: Record<string, string> = { update: "saved", add: "added", remove: "removed", leader: "leader", member: "member" };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, group } = await groupFor(request, params.groupId);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const memberId = String(form.get("memberId") ?? "");
  const meta = { requestId: context.requestId, ipAddress: context.clientIp };
  // Leaders keep the roster; the group itself and who leads it are for administrators.
  if (["update", "delete", "setRole"].includes(intent) && !actor.manageAll) {
    throw new Response("Forbidden: this needs the permission manage:groups", { status: 403 });
  }

  let outcome: GroupOutcome;
  let done = DONE[intent];
  if (intent === "update") {
    const result = parseForm(groupForm, form);
    if (!result.ok) return invalid(result, { intent });
    outcome = await updateGroup(actor, group.id, result.data, meta);
  } else if (intent === "delete") {
    if (form.get("confirm") !== "yes") {
      return Response.json({ intent, errors: { confirm: ["adminGroups:errors.confirm"] }, values: formValues(form) }, { status: 400 });
    }
    outcome = await deleteGroup(actor, group.id, meta);
    if (outcome.ok) return redirect("/admin/groups?done=deleted");
  } else if (intent === "add") {
    outcome = await addMember(actor, group.id, memberId, meta);
  } else if (intent === "remove") {
    outcome = await removeMember(actor, group.id, memberId, meta);
  } else if (intent === "setRole" && (form.get("role") === "leader" || form.get("role") === "member")) {
    const role = form.get("role") as "leader" | "member";
    outcome = await setGroupRole(actor, group.id, memberId, role, meta);
    done = role;
  } else {
    return Response.json({ intent, errors: { form: ["forms:choose"] }, values: formValues(form) }, { status: 400 });
  }

  if (!outcome.ok) {
    if (outcome.status !== 400) throw new Response(outcome.message, { status: outcome.status });
    // Roster buttons have no fields of their own: their refusals show at the top.
    const field = intent === "update" ? outcome.field : "form";
    return Response.json({ intent, errors: { [field]: [outcome.message] }, values: formValues(form) }, { status: 400 });
  }
  // Back to the page as it was (an added member's search stays open for the next one).
  const back = new URLSearchParams();
  const q = new URL(request.url).searchParams.get("q");
  if (intent === "add" && q) back.set("q", q);
  back.set("done", done ?? "saved");
  return redirect(`/admin/groups/${group.id}?${back}`);
}

interface LoaderData {
  group: GroupDetail;
  manageAll: boolean;
  q: string;
  results: { memberId: string; name: string }[];
  done: string | null;
}

export default function GroupPage() {
  const { group, manageAll, q, results, done } = useLoaderData<LoaderData>();
  const { t } = useTranslation("adminGroups");
  const posted = useFormState() as FormState & { intent?: string };
  const stateOf = (intent: string): FormState => (posted.intent === intent ? posted : {});
  const rosterState = ["add", "remove", "setRole"].includes(posted.intent ?? "") ? posted : {};
  return (
    <section aria-labelledby="group-title" className="max-w-3xl space-y-6">
      <p>
        <a className="link" href="/admin/groups">
          {t("back")}
        </a>
      </p>
      <h1 id="group-title" className="text-2xl font-bold break-words">
        {group.name}
      </h1>
      {done && ["created", ...Object.values(DONE)].includes(done) ? (
        <p role="status" className="rounded border border-teal-800 bg-teal-50 p-3 text-teal-950">
          {t(`status.${done}`)}
        </p>
      ) : null}
      {group.description ? <p className="break-words text-stone-800">{group.description}</p> : null}
      <FormErrors state={rosterState} />
      <AddMember q={q} results={results} />
      <Roster roster={group.roster} manageAll={manageAll} />
      {manageAll ? (
        <>
          <GroupDetailsForm group={group} state={stateOf("update")} />
          <DeleteGroupForm group={group} state={stateOf("delete")} />
        </>
      ) : null}
    </section>
  );
}

function Roster({ roster, manageAll }: { roster: RosterEntry[]; manageAll: boolean }) {
  const { t } = useTranslation("adminGroups");
  return (
    <section aria-labelledby="roster-title" className="space-y-2">
      <h2 id="roster-title" className="text-xl font-semibold">
        {t("roster.title", { count: roster.length })}
      </h2>
      {roster.length === 0 ? (
        <p>{t("roster.empty")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {roster.map((entry) => {
            const name = entry.name ?? t("roster.nameWithheld");
            return (
              <li key={entry.memberId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                <span className="min-w-0 break-words">
                  <span className={entry.name ? "font-medium" : "italic text-stone-700"}>{name}</span>
                  {entry.role === "leader" ? (
                    <span className="ml-2 rounded bg-teal-100 px-2 py-0.5 text-sm font-semibold text-teal-950">
                      {t("roster.leader")}
                    </span>
                  ) : null}
                </span>
                <span className="flex flex-wrap gap-2">
                  {manageAll ? (
                    <RowButton
                      intent="setRole"
                      memberId={entry.memberId}
                      extra={{ role: entry.role === "leader" ? "member" : "leader" }}
                      label={t(entry.role === "leader" ? "roster.makeMember" : "roster.makeLeader")}
                      who={name}
                    />
                  ) : null}
                  {manageAll || entry.role === "member" ? (
                    <RowButton intent="remove" memberId={entry.memberId} label={t("roster.remove")} who={name} />
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** One small form per action and row. */
function RowButton({ intent, memberId, label, who, extra = {} }: { intent: string; memberId: string; label: string; who: string; extra?: Record<string, string> }) {
  return (
    <form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="memberId" value={memberId} />
      {Object.entries(extra).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* The visible words start the name (WCAG 2.5.3); the person completes it. */}
      <button
        type="submit"
        aria-label={`${label}: ${who}`}
        className="rounded border border-teal-800 bg-white px-3 py-1 text-sm font-semibold text-teal-900 hover:bg-teal-50"
      >
        {label}
      </button>
    </form>
  );
}

function AddMember({ q, results }: { q: string; results: { memberId: string; name: string }[] }) {
  const { t } = useTranslation("adminGroups");
  return (
    <section aria-labelledby="add-member" className="space-y-3">
      <h2 id="add-member" className="text-xl font-semibold">
        {t("add.title")}
      </h2>
      <form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="member-search" className="block font-semibold">
            {t("add.search")}
          </label>
          <input
            id="member-search"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={100}
            className="w-full rounded border border-stone-500 bg-white px-3 py-2"
          />
        </div>
        <button type="submit" className="button">
          {t("add.submit")}
        </button>
      </form>
      {q ? (
        results.length === 0 ? (
          <p>{t("add.none", { q })}</p>
        ) : (
          <ul aria-label={t("add.results")} className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
            {results.map((result) => (
              <li key={result.memberId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                <span className="min-w-0 break-words">{result.name}</span>
                <RowButton intent="add" memberId={result.memberId} label={t("add.add")} who={result.name} />
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

function GroupDetailsForm({ group, state }: { group: GroupDetail; state: FormState }) {
  const { t } = useTranslation("adminGroups");
  return (
    <section aria-labelledby="group-details" className="max-w-prose space-y-4">
      <h2 id="group-details" className="text-xl font-semibold">
        {t("edit.title")}
      </h2>
      <form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="intent" value="update" />
        <FormErrors state={state} />
        <TextField name="name" label={t("fields.name")} state={state} defaultValue={group.name} required maxLength={80} />
        <TextField
          name="description"
          label={t("fields.description")}
          hint={t("fields.descriptionHint")}
          state={state}
          defaultValue={group.description ?? ""}
          maxLength={500}
        />
        <button type="submit" className="button">
          {t("edit.submit")}
        </button>
      </form>
    </section>
  );
}

function DeleteGroupForm({ group, state }: { group: GroupDetail; state: FormState }) {
  const { t } = useTranslation("adminGroups");
  const error = state.errors?.confirm;
  return (
    <section aria-labelledby="delete-group" className="max-w-prose space-y-4 rounded border border-red-800 bg-white p-3">
      <h2 id="delete-group" className="text-xl font-semibold">
        {t("delete.title")}
      </h2>
      <form method="post" className="space-y-4">
        <input type="hidden" name="intent" value="delete" />
        <FormErrors state={state} />
        <p>{t("delete.body", { count: group.roster.length })}</p>
        <ConfirmCheckbox label={t("delete.confirm", { name: group.name })} errors={error} />
        <button type="submit" className="button bg-red-800 hover:bg-red-900">
          {t("delete.submit")}
        </button>
      </form>
    </section>
  );
}

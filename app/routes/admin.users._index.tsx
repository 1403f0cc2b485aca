import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, SelectField, TextField, useFormState, type FormState } from "~/components/form";
import {
  INVITATION_DAYS,
  inviteUser,
  listInvitations,
  resendInvitation,
  revokeInvitation,
} from "~/models/invitations.server";
import { listAssignableRoles } from "~/models/roles.server";
import { AdminRefusal, listChurchUsers, type RoleLabel } from "~/models/user-admin.server";
import { fields, formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";
import { Pagination } from "~/components/pagination";
import { pageParam } from "~/utils/paging";

export const meta: MetaFunction = () => [{ title: "Users · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "adminUsers"], help: "managing-users-and-roles" };
export const headers = memberPageHeaders;

/** manage:users, in the admin's own church (platform staff have none, so no page). */
async function requireChurchAdmin(request: Request) {
  const user = await requirePermission(request, "manage:users");
  if (!user.churchId) throw new Response("Forbidden", { status: 403 });
  return { ...user, churchId: user.churchId };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireChurchAdmin(request);
  const search = new URL(request.url).searchParams;
  const [list, invitations, roles] = await Promise.all([
    listChurchUsers(user.churchId, { q: search.get("q") ?? "", page: pageParam(search) }),
    listInvitations(user.churchId),
    listAssignableRoles(user.churchId),
  ]);
  return Response.json({ churchName: user.churchName, ...list, invitations, roles }, { headers: memberPageHeaders() });
}

const inviteSchema = z.object({ email: fields.email, roleId: fields.uuid });

type Notice = { key: string; email: string; tone: "ok" | "warning" };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireChurchAdmin(request);
  const actor = { id: user.id, churchId: user.churchId, permissions: user.permissions };
  const meta = { requestId: context.requestId, ipAddress: context.clientIp };
  const form = await request.formData();
  const intent = form.get("intent");
  try {
    if (intent === "invite") {
      const result = parseForm(inviteSchema, form);
      if (!result.ok) return invalid(result);
      const invitation = await inviteUser(actor, result.data, meta);
      return noticeOf(invitation.mailSent ? "invited" : "mailFailed", invitation.email, invitation.mailSent);
    }
    const invitationId = String(form.get("invitationId") ?? "");
    if (intent === "resend") {
      const invitation = await resendInvitation(actor, invitationId, meta);
      return noticeOf(invitation.mailSent ? "resent" : "mailFailed", invitation.email, invitation.mailSent);
    }
    if (intent === "revoke") {
      const invitation = await revokeInvitation(actor, invitationId, meta);
      return noticeOf("revoked", invitation.email, true);
    }
  } catch (error) {
    if (!(error instanceof AdminRefusal)) throw error;
    const values = intent === "invite" ? formValues(form) : { intent: String(intent) };
    return Response.json({ errors: { [error.field]: [error.messageKey] }, values }, { status: error.status });
  }
  throw new Response("Unknown action", { status: 400 });
}

const noticeOf = (key: string, email: string, ok: boolean) =>
  Response.json(
    { notice: { key, email, tone: ok ? "ok" : "warning" } satisfies Notice },
    { headers: memberPageHeaders() }
  );

type LoaderData = Awaited<ReturnType<typeof listChurchUsers>> & {
  churchName: string | null;
  invitations: Awaited<ReturnType<typeof listInvitations>>;
  roles: Awaited<ReturnType<typeof listAssignableRoles>>;
};

/** Built-in roles in the reader's language; a church's own roles by the name it gave them. */
function useRoleName() {
  const { t } = useTranslation("adminUsers");
  return (role: RoleLabel) => (role.builtIn ? t(`roles.${role.key}`) : role.name);
}

export default function AdminUsers() {
  const data = useLoaderData<LoaderData>();
  const notice = (useActionData() as { notice?: Notice } | undefined)?.notice;
  const state = useFormState();
  // Field errors of the invite form show in that form; a refused Resend or Revoke at the top.
  const forInvite = state.values?.intent === "invite";
  const { t } = useTranslation("adminUsers");
  return (
    <section aria-labelledby="users-title" className="space-y-8">
      <div className="space-y-2">
        <h1 id="users-title" className="text-2xl font-bold">
          {t("title")}
        </h1>
        <p>{t("intro", { church: data.churchName })}</p>
      </div>
      {notice ? (
        <p
          role="status"
          className={
            notice.tone === "ok"
              ? "rounded border border-teal-700 bg-teal-50 p-3 text-teal-950"
              : "rounded border border-amber-700 bg-amber-50 p-3 text-amber-950"
          }
        >
          {t(`notices.${notice.key}`, { email: notice.email, days: INVITATION_DAYS })}
        </p>
      ) : null}
      {forInvite ? null : <FormErrors state={state} />}
      <UserList data={data} />
      <Invitations invitations={data.invitations} />
      <InviteForm roles={data.roles} state={forInvite ? state : {}} />
    </section>
  );
}

function UserList({ data }: { data: LoaderData }) {
  const { t } = useTranslation("adminUsers");
  const roleName = useRoleName();
  const { users, page, pageCount, total, q } = data;
  const pageLink = (to: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(to) })}`;
  return (
    <div className="space-y-4">
      <form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="users-q" className="block font-semibold">
            {t("search.label")}
          </label>
          <input
            id="users-q"
            name="q"
            type="search"
            defaultValue={q}
            className="w-full rounded border border-stone-500 bg-white px-3 py-2"
          />
        </div>
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
        {q ? (
          <a className="link py-2" href="/admin/users">
            {t("search.clear")}
          </a>
        ) : null}
      </form>
      <p className="text-sm text-stone-700">{t("count", { count: total })}</p>
      {users.length === 0 ? (
        <p>{q ? t("noMatch", { q }) : t("empty")}</p>
      ) : (
        <ul
          aria-label={t("list.label", { church: data.churchName })}
          className="divide-y divide-stone-200 rounded border border-stone-300 bg-white"
        >
          {users.map((user) => (
            <li key={user.id} className="space-y-1 px-3 py-3">
              <a className="link font-semibold" href={`/admin/users/${user.id}`}>
                {user.displayName}
              </a>
              <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-3 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
                <dt className="text-stone-700">{t("list.email")}</dt>
                <dd className="break-all">{user.email}</dd>
                <dt className="text-stone-700">{t("list.role")}</dt>
                <dd>{roleName(user.role)}</dd>
                <dt className="text-stone-700">{t("list.status")}</dt>
                <dd className={user.status === "active" ? undefined : "font-semibold text-red-800"}>
                  {t(`status.${user.status}`)}
                </dd>
                <dt className="text-stone-700">{t("list.lastSignIn")}</dt>
                <dd>{user.lastSignIn ?? t("list.never")}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={pageLink} />
    </div>
  );
}

function Invitations({ invitations }: { invitations: LoaderData["invitations"] }) {
  const { t } = useTranslation("adminUsers");
  const roleName = useRoleName();
  return (
    <div className="space-y-3">
      <h2 className="text-lg font-semibold">{t("invitations.title")}</h2>
      {invitations.length === 0 ? (
        <p>{t("invitations.empty")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-3">
              <div className="min-w-0 space-y-1">
                <p className="break-all font-semibold">{invitation.email}</p>
                <p className="text-sm">
                  {t("invitations.role")}: {roleName(invitation.role)} · {t("invitations.expires")}:{" "}
                  {invitation.expiresOn}
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                <form method="post">
                  <input type="hidden" name="intent" value="resend" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <button
                    type="submit"
                    className="button"
                    aria-label={t("invitations.resendLabel", { email: invitation.email })}
                  >
                    {t("invitations.resend")}
                  </button>
                </form>
                <form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <button
                    type="submit"
                    className="rounded border border-red-800 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50"
                    aria-label={t("invitations.revokeLabel", { email: invitation.email })}
                  >
                    {t("invitations.revoke")}
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function InviteForm({ roles, state }: { roles: LoaderData["roles"]; state: FormState }) {
  const { t } = useTranslation("adminUsers");
  const roleName = useRoleName();
  const memberRole = roles.find((role) => role.builtIn && role.key === "member");
  return (
    <div className="space-y-3">
      <h2 id="invite-title" className="text-lg font-semibold">
        {t("invite.title")}
      </h2>
      <p className="text-sm text-stone-700">{t("invite.body", { days: INVITATION_DAYS })}</p>
      <form method="post" aria-labelledby="invite-title" className="max-w-prose space-y-4">
        <input type="hidden" name="intent" value="invite" />
        <FormErrors state={state} />
        <TextField name="email" type="email" autoComplete="off" label={t("invite.email")} state={state} required />
        <SelectField
          name="roleId"
          label={t("invite.role")}
          state={state}
          defaultValue={memberRole?.id}
          options={roles.map((role) => ({ value: role.id, label: roleName(role) }))}
        />
        <button type="submit" className="button">
          {t("invite.submit")}
        </button>
      </form>
    </div>
  );
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/guards.server";
import { BUILT_IN_ROLES } from "~/auth/permissions";
import { FormErrors, useFormState } from "~/components/form";
import { PRIVACY_LEVELS, PRIVATE_FIELDS, type PrivacyChoices } from "~/db/schema.server";
import { myMemberRecord, privacySchema, updateMyPrivacy } from "~/models/profile.server";
import type { CurrentUser } from "~/models/users.server";
import { visibleMember, type MemberRecord, type Viewer, type VisibleMember } from "~/privacy/policy";
import { invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "My privacy · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "me"], help: "choosing-who-sees-your-details" };
export const headers = memberPageHeaders;

type Preview = Record<"member" | "leader" | "admin", VisibleMember>;

/**
 * "See what others see": the member's card as an ordinary member, a leader of
 * their groups and an administrator would see it — computed by the same
 * policy function every page uses, with stand-in viewers of the same church.
 */
function previewOf(user: CurrentUser, record: MemberRecord): Preview {
  const viewer = (permissions: readonly string[], ledGroupIds: readonly string[]): Viewer => ({
    id: "preview-viewer",
    churchId: user.churchId,
    permissions: permissions as Viewer["permissions"],
    ledGroupIds,
  });
  return {
    member: visibleMember(viewer(BUILT_IN_ROLES.member.permissions, []), record),
    leader: visibleMember(viewer(BUILT_IN_ROLES.group_leader.permissions, record.groupIds), record),
    admin: visibleMember(viewer(BUILT_IN_ROLES.church_admin.permissions, []), record),
  };
}

async function requireOwnRecord(request: Request) {
  const user = await requireUser(request);
  const record = await myMemberRecord(user);
  // Platform staff have no member record: nothing to choose here.
  if (!record) throw new Response("Not Found", { status: 404 });
  return { user, record };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, record } = await requireOwnRecord(request);
  const saved = new URL(request.url).searchParams.get("saved") === "1";
  return Response.json(
    { choices: record.privacy, listed: record.listed, preview: previewOf(user, record), saved },
    { headers: memberPageHeaders() },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, record } = await requireOwnRecord(request);
  const form = await request.formData();
  const result = parseForm(privacySchema, form);
  if (!result.ok) return invalid(result);
  const { listed, ...levels } = result.data;
  if (form.get("intent") === "preview") {
    // Try the choices without saving them.
    const tried = { ...record, privacy: levels as PrivacyChoices, listed };
    return Response.json({ preview: previewOf(user, tried), values: result.data, previewOnly: true });
  }
  await updateMyPrivacy(user, result.data, { requestId: context.requestId, ipAddress: context.clientIp });
  return redirect("/me/privacy?saved=1");
}

interface LoaderData {
  choices: PrivacyChoices;
  listed: boolean;
  preview: Preview;
  saved: boolean;
}

export default function MyPrivacy() {
  const loaded = useLoaderData<LoaderData>();
  const tried = useActionData<{ preview?: Preview; values?: Record<string, unknown>; previewOnly?: boolean }>();
  const state = useFormState();
  const { t } = useTranslation("me");
  const choices = { ...loaded.choices, ...(tried?.values as Partial<PrivacyChoices> | undefined) };
  const listed = tried?.values ? tried.values.listed === true : loaded.listed;
  const preview = tried?.preview ?? loaded.preview;

  return (
    <div className="mx-auto max-w-prose space-y-8">
      <section aria-labelledby="privacy-title" className="space-y-4">
        <h1 id="privacy-title" className="text-2xl font-bold">
          {t("privacy.title")}
        </h1>
        <p>{t("privacy.intro")}</p>
        {loaded.saved && !tried ? (
          <p role="status" className="rounded border border-teal-700 bg-teal-50 p-3 text-teal-950">
            {t("privacy.saved")}
          </p>
        ) : null}
        {tried?.previewOnly ? (
          <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">
            {t("privacy.notSavedYet")}
          </p>
        ) : null}
        <form method="post" className="space-y-4">
          <FormErrors state={state} />
          {PRIVATE_FIELDS.map((field) => (
            <div key={field} className="space-y-1">
              <label htmlFor={`level-${field}`} className="block font-semibold">
                {t(`privacy.fields.${field}`)}
              </label>
              <select
                id={`level-${field}`}
                name={field}
                defaultValue={choices[field]}
                className="w-full rounded border border-stone-500 bg-white px-3 py-2"
              >
                {PRIVACY_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(`privacy.levels.${level}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div className="flex items-start gap-2">
            <input id="listed" name="listed" type="checkbox" defaultChecked={listed} className="mt-1 h-5 w-5" />
            <label htmlFor="listed">{t("privacy.listed")}</label>
          </div>
          <div className="flex flex-wrap gap-3">
            <button type="submit" name="intent" value="preview" className="rounded border border-teal-800 bg-white px-4 py-2 font-semibold text-teal-900">
              {t("privacy.preview")}
            </button>
            <button type="submit" name="intent" value="save" className="button">
              {t("privacy.save")}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="preview-title" className="space-y-3">
        <h2 id="preview-title" className="text-xl font-semibold">
          {t("privacy.previewTitle")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-3">
          {(["member", "leader", "admin"] as const).map((who) => (
            <PreviewCard key={who} title={t(`privacy.as.${who}`)} shown={preview[who]} listed={listed} who={who} />
          ))}
        </div>
      </section>
    </div>
  );
}

function PreviewCard({ title, shown, listed, who }: { title: string; shown: VisibleMember; listed: boolean; who: string }) {
  const { t } = useTranslation("me");
  const rows = (["phone", "email", "address", "birthday"] as const).filter((field) => shown[field]);
  const hiddenFromList = !listed && who !== "admin";
  return (
    <section className="rounded border border-stone-300 bg-white p-3" aria-label={title}>
      <h3 className="font-semibold">{title}</h3>
      {shown.name ? <p className="text-lg">{shown.name}</p> : <p className="italic text-stone-700">{t("privacy.nameHidden")}</p>}
      {hiddenFromList ? <p className="text-sm text-stone-700">{t("privacy.notListed")}</p> : null}
      <ul className="mt-2 space-y-1 text-sm">
        {rows.map((field) => (
          <li key={field}>
            <span className="font-semibold">{t(`privacy.fields.${field}`)}:</span> {shown[field]}
          </li>
        ))}
        {rows.length === 0 ? <li className="text-stone-700">{t("privacy.noDetails")}</li> : null}
      </ul>
    </section>
  );
}

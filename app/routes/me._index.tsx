import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/guards.server";
import { clearedSessionCookie, endAllSessions } from "~/auth/session.server";
import { FormErrors, TextField, useFormState } from "~/components/form";
import { PhotoSettings, type PhotoSettingsProps } from "~/components/photo-settings";
import { myPhotoOf } from "~/models/photos.server";
import { myMemberRecord, profileSchema, updateMyProfile } from "~/models/profile.server";
import { dataSaverFor } from "~/utils/data-saver.server";
import { invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "My account · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "me", "myData"], help: "editing-your-profile" };
export const headers = memberPageHeaders;

/** Built-in roles are translated by key; a church's own roles keep the name it gave them. */
const roleLabelOf = (role: { key: string; name: string; builtIn: boolean }) => ({
  key: role.builtIn ? role.key : "custom",
  name: role.name,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const record = await myMemberRecord(user);
  const params = new URL(request.url).searchParams;
  const saved = params.get("saved") === "1";
  const photoStatus = ["saved", "removed", "dataSaverOn", "dataSaverOff", "dataSaverAuto"].find((s) => s === params.get("photo")) ?? null;
  return Response.json(
    {
      account: { displayName: user.displayName, email: user.email, role: roleLabelOf(user.role), churchName: user.churchName },
      profile: record
        ? {
            givenName: record.givenName,
            familyName: record.familyName,
            phone: record.phone ?? "",
            email: record.email ?? "",
            address: record.address ?? "",
            birthday: record.birthday ?? "",
          }
        : null,
      saved,
      photo: record ? myPhotoOf(user, record) : null,
      dataSaver: dataSaverFor(request),
      photoStatus,
    },
    { headers: memberPageHeaders() },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "sign-out-everywhere") {
    // Ends every session of this user, this one included.
    const ended = await endAllSessions(user.id);
    context.logger.info({ event: "sign_out_everywhere", userId: user.id, ended }, "signed out everywhere");
    return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
  }
  if (intent === "profile") {
    const result = parseForm(profileSchema, form);
    if (!result.ok) return invalid(result);
    const saved = await updateMyProfile(user, result.data, { requestId: context.requestId, ipAddress: context.clientIp });
    if (!saved) throw new Response("Not Found", { status: 404 });
    return redirect("/me?saved=1");
  }
  throw new Response("Unknown action", { status: 400 });
}

interface LoaderData {
  account: { displayName: string; email: string; role: { key: string; name: string }; churchName: string | null };
  profile: Record<"givenName" | "familyName" | "phone" | "email" | "address" | "birthday", string> | null;
  saved: boolean;
  photo: PhotoSettingsProps["photo"];
  dataSaver: PhotoSettingsProps["dataSaver"];
  photoStatus: PhotoSettingsProps["status"];
}

export default function MyAccount() {
  const { account, profile, saved, photo, dataSaver, photoStatus } = useLoaderData<LoaderData>();
  const state = useFormState();
  const { t } = useTranslation("me");
  const { t: tData } = useTranslation("myData");
  return (
    <div className="mx-auto max-w-prose space-y-8">
      <section aria-labelledby="me-title" className="space-y-4">
        <h1 id="me-title" className="text-2xl font-bold">
          {t("title")}
        </h1>
        {saved ? (
          <p role="status" className="rounded border border-teal-700 bg-teal-50 p-3 text-teal-950">
            {t("profile.saved")}
          </p>
        ) : null}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
          <dt className="font-semibold">{t("name")}</dt>
          <dd>{account.displayName}</dd>
          <dt className="font-semibold">{t("email")}</dt>
          <dd className="break-all">{account.email}</dd>
          <dt className="font-semibold">{t("role")}</dt>
          <dd>{account.role.key === "custom" ? account.role.name : t(`roles.${account.role.key}`)}</dd>
          {account.churchName ? (
            <>
              <dt className="font-semibold">{t("church")}</dt>
              <dd>{account.churchName}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {profile ? (
        <section aria-labelledby="profile-title" className="space-y-4">
          <h2 id="profile-title" className="text-xl font-semibold">
            {t("profile.title")}
          </h2>
          <p>
            {t("profile.privacyNote")}{" "}
            <a className="link" href="/me/privacy">
              {t("profile.privacyLink")}
            </a>
          </p>
          <form method="post" className="space-y-4" noValidate>
            <input type="hidden" name="intent" value="profile" />
            <FormErrors state={state} />
            <TextField name="givenName" label={t("profile.givenName")} state={state} defaultValue={profile.givenName} autoComplete="given-name" required />
            <TextField name="familyName" label={t("profile.familyName")} state={state} defaultValue={profile.familyName} autoComplete="family-name" required />
            <TextField name="phone" label={t("profile.phone")} hint={t("profile.phoneHint")} optional state={state} defaultValue={profile.phone} type="tel" autoComplete="tel" />
            <TextField name="email" label={t("profile.email")} optional state={state} defaultValue={profile.email} type="email" autoComplete="email" />
            <TextField name="address" label={t("profile.address")} optional state={state} defaultValue={profile.address} autoComplete="street-address" />
            <TextField name="birthday" label={t("profile.birthday")} hint={t("profile.birthdayHint")} optional state={state} defaultValue={profile.birthday} type="date" />
            <button type="submit" className="button">
              {t("profile.save")}
            </button>
          </form>
        </section>
      ) : null}

      {/* Its forms post to /me/photo, so this page's own form state is not passed in. */}
      <PhotoSettings photo={photo} dataSaver={dataSaver} status={photoStatus} state={{}} heading="h2" />

      <section aria-labelledby="my-data-link-title" className="space-y-3">
        <h2 id="my-data-link-title" className="text-xl font-semibold">
          {tData("meLink.title")}
        </h2>
        <p>{tData("meLink.body")}</p>
        <p>
          <a className="link" href="/me/data">
            {tData("meLink.link")}
          </a>
        </p>
      </section>

      <section aria-labelledby="sessions-title" className="space-y-3">
        <h2 id="sessions-title" className="text-xl font-semibold">
          {t("sessions.title")}
        </h2>
        <p>{t("sessions.body")}</p>
        <form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <button type="submit" className="button">
            {t("sessions.signOutEverywhere")}
          </button>
        </form>
      </section>
    </div>
  );
}

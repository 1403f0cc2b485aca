import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, SelectField, TextField, useFormState } from "~/components/form";
import {
  CHURCH_LANGUAGES,
  listChurches,
  onboardChurch,
  onboardingSchema,
  SUGGESTED_TIMEZONES,
  type ChurchSummary,
} from "~/models/churches.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Churches · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "platform"] };
export const headers = memberPageHeaders;

/** The platform console: every church with its size, and onboarding a new one. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:churches");
  const url = new URL(request.url);
  const churches = await listChurches();
  const onboarded = churches.find((church) => church.slug === url.searchParams.get("onboarded")) ?? null;
  return Response.json(
    {
      churches,
      onboarded: onboarded?.name ?? null,
      mailFailed: url.searchParams.get("mail") === "failed",
      timezones: SUGGESTED_TIMEZONES,
      languages: CHURCH_LANGUAGES,
    },
    { headers: memberPageHeaders() },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:churches");
  const form = await request.formData();
  const result = parseForm(onboardingSchema, form);
  if (!result.ok) return invalid(result);
  const outcome = await onboardChurch({ id: user.id, displayName: user.displayName }, result.data, {
    requestId: context.requestId,
    ipAddress: context.clientIp,
  });
  if (!outcome.ok) return Response.json({ errors: outcome.errors, values: formValues(form) }, { status: 400 });
  context.logger.info({ event: "church_onboarded", churchId: outcome.church.id, slug: outcome.church.slug }, "church onboarded");
  // The slug only: an e-mail address in a URL would end up in access logs.
  const done = new URLSearchParams({ onboarded: outcome.church.slug });
  if (!outcome.mailSent) done.set("mail", "failed");
  return redirect(`/platform/churches?${done}`);
}

interface LoaderData {
  churches: ChurchSummary[];
  onboarded: string | null;
  mailFailed: boolean;
  timezones: string[];
  languages: string[];
}

export default function PlatformChurches() {
  const { churches, onboarded, mailFailed } = useLoaderData<LoaderData>();
  const { t } = useTranslation("platform");
  return (
    <section aria-labelledby="platform-title" className="space-y-8">
      <h1 id="platform-title" className="text-2xl font-bold">
        {t("title")}
      </h1>
      {onboarded ? (
        <div role="status" className="space-y-1 rounded border border-teal-800 bg-teal-50 p-3 text-teal-950">
          <p>{t("onboarded", { name: onboarded })}</p>
          {mailFailed ? <p className="font-semibold">{t("mailFailed")}</p> : null}
        </div>
      ) : null}

      <section aria-labelledby="churches-title" className="space-y-3">
        <h2 id="churches-title" className="text-lg font-semibold">
          {t("list.title", { count: churches.length })}
        </h2>
        {churches.length === 0 ? (
          <p>{t("list.empty")}</p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {churches.map((church) => (
              <ChurchCard key={church.id} church={church} />
            ))}
          </ul>
        )}
      </section>

      <OnboardingForm />
    </section>
  );
}

function ChurchCard({ church }: { church: ChurchSummary }) {
  const { t, i18n } = useTranslation("platform");
  const created = new Intl.DateTimeFormat(`${i18n.language}-PH`, { dateStyle: "medium", timeZone: church.timezone });
  return (
    <li className="space-y-2 rounded border border-stone-300 bg-white p-3" data-slug={church.slug}>
      <h3 className="font-semibold wrap-anywhere">{church.name}</h3>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="font-semibold">{t("list.slug")}</dt>
        <dd>
          <code className="wrap-anywhere">{church.slug}</code>
        </dd>
        <dt className="font-semibold">{t("list.timezone")}</dt>
        <dd className="wrap-anywhere">{church.timezone}</dd>
        <dt className="font-semibold">{t("list.created")}</dt>
        <dd>
          <time dateTime={church.createdAt}>{created.format(new Date(church.createdAt))}</time>
        </dd>
        <dt className="font-semibold">{t("list.members")}</dt>
        <dd data-count="members">{church.members}</dd>
        <dt className="font-semibold">{t("list.users")}</dt>
        <dd data-count="users">{church.users}</dd>
        <dt className="font-semibold">{t("list.groups")}</dt>
        <dd data-count="groups">{church.groups}</dd>
      </dl>
    </li>
  );
}

function OnboardingForm() {
  const { timezones, languages } = useLoaderData<LoaderData>();
  const state = useFormState();
  const { t } = useTranslation("platform");
  const typed = state.values?.timezone;
  // A valid zone posted from outside the list stays chosen when the form comes back.
  const zones = typeof typed === "string" && typed && !timezones.includes(typed) && !state.errors?.timezone ? [...timezones, typed] : timezones;
  return (
    <section aria-labelledby="onboard-title" className="max-w-prose space-y-3">
      <h2 id="onboard-title" className="text-lg font-semibold">
        {t("onboard.title")}
      </h2>
      <p className="text-stone-700">{t("onboard.lead")}</p>
      <form method="post" noValidate className="space-y-4">
        <FormErrors state={state} />
        <TextField name="name" label={t("onboard.name")} state={state} autoComplete="off" required />
        <TextField
          name="slug"
          label={t("onboard.slug")}
          hint={t("onboard.slugHint")}
          state={state}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <SelectField
          name="timezone"
          label={t("onboard.timezone")}
          state={state}
          defaultValue="Asia/Manila"
          options={zones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
        />
        <SelectField
          name="defaultLocale"
          label={t("onboard.language")}
          state={state}
          defaultValue="en"
          options={languages.map((lng) => ({ value: lng, label: t(`onboard.languages.${lng}`) }))}
        />
        <TextField
          name="adminEmail"
          type="email"
          label={t("onboard.adminEmail")}
          hint={t("onboard.adminEmailHint")}
          state={state}
          autoComplete="off"
          required
        />
        <button type="submit" className="button">
          {t("onboard.submit")}
        </button>
      </form>
    </section>
  );
}

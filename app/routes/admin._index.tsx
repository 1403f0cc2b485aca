import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { OnboardingChecklistPanel } from "~/components/onboarding-checklist";
import { onboardingChecklist, seesOnboarding, type OnboardingChecklist } from "~/models/onboarding.server";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Administration · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "onboarding"], help: "administrator-guide" };
export const headers = memberPageHeaders;

/**
 * Those who set a church up (users or settings) land on the getting-started
 * checklist; everyone else goes on to the first section they may use.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.churchId && seesOnboarding(user)) {
    const checklist = await onboardingChecklist({ ...user, churchId: user.churchId });
    return Response.json(
      { churchName: user.churchName, checklist, canSettings: can(user, "manage:settings") },
      { headers: memberPageHeaders() }
    );
  }
  if (can(user, "manage:users")) throw redirect("/admin/users");
  if (can(user, "manage:members")) throw redirect("/admin/members");
  if (can(user, "manage:roles")) throw redirect("/admin/roles");
  if (can(user, "manage:groups") || can(user, "manage:roster:group")) throw redirect("/admin/groups");
  if (can(user, "view:audit")) throw redirect("/admin/audit");
  throw new Response("Forbidden", { status: 403 });
}

interface LoaderData {
  churchName: string | null;
  checklist: OnboardingChecklist;
  canSettings: boolean;
}

export default function AdminHome() {
  const { churchName, checklist, canSettings } = useLoaderData<LoaderData>();
  const { t } = useTranslation("onboarding");
  return (
    <div className="max-w-prose space-y-6">
      <h1 className="text-2xl font-bold">{t("home.title")}</h1>
      <OnboardingChecklistPanel checklist={checklist} churchName={churchName ?? ""} />
      {canSettings ? (
        <p>
          <a className="link" href="/admin/settings">
            {t("home.settingsLink")}
          </a>
        </p>
      ) : null}
    </div>
  );
}

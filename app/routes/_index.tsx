import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { homeFor } from "~/auth/home";
import { currentUser } from "~/auth/session.server";

export const meta: MetaFunction = () => [
  { title: "Kapatiran" },
  { name: "description", content: "Church membership portal: directory, administration and help." },
];

/** The same for every visitor in a language: rendered once (app/utils/page-fingerprint.server.ts). */
export const handle = { fromLoaderData: true };

/** Signed-in users go straight on to their home page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await currentUser(request);
  if (user) throw redirect(homeFor(user));
  return null;
}

export default function Landing() {
  const { t } = useTranslation();
  return (
    <section className="mx-auto max-w-prose space-y-6 py-6" aria-labelledby="landing-title">
      <h1 id="landing-title" className="text-3xl font-bold text-teal-950">
        {t("landing.title")}
      </h1>
      <p className="text-lg">{t("landing.lead")}</p>
      <ul className="list-disc space-y-2 pl-6">
        <li>{t("landing.points.directory")}</li>
        <li>{t("landing.points.privacy")}</li>
        <li>{t("landing.points.help")}</li>
      </ul>
      <p>
        <a className="button" href="/auth/login">
          {t("landing.signIn")}
        </a>
      </p>
    </section>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { printableDirectory, viewerFor, type PrintedHousehold } from "~/models/directory.server";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Printable directory · Kapatiran" }];
export const handle = { i18n: ["common", "directory"], printable: true, help: "finding-members" };
export const headers = memberPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:directory");
  const households = await printableDirectory(await viewerFor(user));
  return Response.json(
    { churchName: user.churchName, households, printedOn: new Date().toISOString().slice(0, 10) },
    { headers: memberPageHeaders() },
  );
}

/** A booklet-friendly list by household; the print stylesheet (app.css, @media print) does the rest. */
export default function PrintableDirectory() {
  const { churchName, households, printedOn } = useLoaderData<{
    churchName: string;
    households: PrintedHousehold[];
    printedOn: string;
  }>();
  const { t } = useTranslation("directory");
  return (
    <article aria-labelledby="print-title" className="print-directory space-y-4">
      <header className="space-y-2">
        <h1 id="print-title" className="text-2xl font-bold">
          {t("print.title", { church: churchName })}
        </h1>
        <p className="text-sm text-stone-700">{t("print.note", { date: printedOn })}</p>
        <p className="no-print flex flex-wrap gap-3">
          <a className="button" href="/directory/print.pdf">
            {t("print.pdf")}
          </a>
          <span className="self-center text-sm">{t("print.howTo")}</span>
        </p>
      </header>
      <div className="print-columns">
        {households.map((household, index) => (
          <section key={index} className="print-household mb-3 break-inside-avoid" aria-label={household.name}>
            <h2 className="font-bold">{household.name}</h2>
            <ul>
              {household.members.map((member) => (
                <li key={member.id} className="text-sm">
                  <span className="font-medium">{member.name}</span>
                  {[member.phone, member.email, member.address, member.birthday].filter(Boolean).map((value) => (
                    <span key={value} className="block pl-3 text-stone-800">
                      {value}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </article>
  );
}

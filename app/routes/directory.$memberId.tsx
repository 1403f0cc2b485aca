import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { Avatar } from "~/components/avatar";
import { useDataSaver } from "~/components/use-data-saver";
import { memberCard } from "~/models/directory.server";
import type { VisibleMember } from "~/privacy/policy";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Member · Kapatiran" }];
export const handle = { i18n: ["common", "directory"], help: "finding-members", fromLoaderData: true };
export const headers = memberPageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:directory");
  const card = await memberCard(user, params.memberId ?? "");
  // Not there, another church's, unlisted or name withheld: all look the same.
  if (!card) throw new Response("Not Found", { status: 404 });
  // Headers come from `headers` above; plain data is encoded once, not as JSON and again for the page.
  return card;
}

export default function MemberCardPage() {
  const { member, household, groups } = useLoaderData<typeof loader>();
  const dataSaver = useDataSaver();
  const { t } = useTranslation("directory");
  return (
    <article aria-labelledby="member-name" className="mx-auto max-w-prose space-y-5">
      <p>
        <a className="link text-sm" href="/directory">
          {t("back")}
        </a>
      </p>
      <div className="flex flex-wrap items-center gap-4">
        {/* The one photo on this page, so it loads without asking (unless data saver is on). */}
        <Avatar member={member} size="large" showPhoto={!dataSaver} alt={t("photos.photoOf", { name: member.name })} />
        <h1 id="member-name" className="text-2xl font-bold">
          {member.name}
        </h1>
      </div>
      <ContactDetails member={member} />
      {household && household.members.length > 0 ? (
        <section aria-labelledby="household-title" className="space-y-2">
          <h2 id="household-title" className="text-lg font-semibold">
            {t("card.household", { name: household.name })}
          </h2>
          <ul className="list-disc pl-6">
            {household.members.map((person) => (
              <li key={person.id}>
                <a className="link" href={`/directory/${person.id}`}>
                  {person.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {groups.length > 0 ? (
        <section aria-labelledby="groups-title" className="space-y-2">
          <h2 id="groups-title" className="text-lg font-semibold">
            {t("card.groups")}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {groups.map((group) => (
              <li key={group.id} className="rounded bg-teal-50 px-2 py-1 text-sm text-teal-950">
                {group.name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

function ContactDetails({ member }: { member: VisibleMember }) {
  const { t } = useTranslation("directory");
  const rows: [string, React.ReactNode][] = [];
  if (member.phone) rows.push([t("card.phone"), <a className="link" href={`tel:${member.phone.replace(/\s+/g, "")}`}>{member.phone}</a>]);
  if (member.email) rows.push([t("card.email"), <a className="link break-all" href={`mailto:${member.email}`}>{member.email}</a>]);
  if (member.address) rows.push([t("card.address"), member.address]);
  if (member.birthday) rows.push([t("card.birthday"), member.birthday]);
  if (rows.length === 0) return <p className="text-stone-700">{t("card.nothingShared")}</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

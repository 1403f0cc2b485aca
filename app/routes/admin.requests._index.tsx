import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { Deadline, useDay } from "~/components/request-deadline";
import { listRequests, type RequestEntry } from "~/models/erasure.server";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Data requests · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "adminRequests"], help: "managing-member-records" };
export const headers = memberPageHeaders;

const DONE = ["approved", "declined"];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage:requests");
  const requests = await listRequests(admin);
  const done = new URL(request.url).searchParams.get("done");
  return Response.json({ requests, done: done && DONE.includes(done) ? done : null }, { headers: memberPageHeaders() });
}

export default function DataRequests() {
  const { requests, done } = useLoaderData<{ requests: RequestEntry[]; done: string | null }>();
  const { t } = useTranslation("adminRequests");
  const pending = requests.filter((r) => r.status === "pending");
  const decided = requests.filter((r) => r.status !== "pending");
  return (
    <section aria-labelledby="requests-title" className="max-w-3xl space-y-6">
      <h1 id="requests-title" className="text-2xl font-bold">
        {t("list.title")}
      </h1>
      {done ? (
        <p role="status" className="rounded border border-teal-800 bg-teal-50 p-3 text-teal-950">
          {t(`done.${done}`)}
        </p>
      ) : null}
      <p className="text-stone-800">{t("list.intro")}</p>
      <section aria-labelledby="pending-title" className="space-y-2">
        <h2 id="pending-title" className="text-xl font-semibold">
          {t("list.pendingTitle")}
        </h2>
        {pending.length === 0 ? (
          <p>{t("list.nonePending")}</p>
        ) : (
          <ul className="divide-y divide-stone-300 rounded border border-stone-300">
            {pending.map((entry) => (
              <PendingItem key={entry.id} entry={entry} />
            ))}
          </ul>
        )}
      </section>
      {decided.length > 0 ? (
        <section aria-labelledby="decided-title" className="space-y-2">
          <h2 id="decided-title" className="text-xl font-semibold">
            {t("list.decidedTitle")}
          </h2>
          <ul className="divide-y divide-stone-300 rounded border border-stone-300">
            {decided.map((entry) => (
              <DecidedItem key={entry.id} entry={entry} />
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

function PendingItem({ entry }: { entry: RequestEntry }) {
  const { t } = useTranslation("adminRequests");
  const day = useDay();
  return (
    <li className="space-y-1 p-3">
      <a className="link font-semibold break-words" href={`/admin/requests/${entry.id}`}>
        {entry.requesterName}
      </a>
      <p className="text-sm text-stone-800">
        {t("list.requested")} {day(entry.requestedAt)} · <Deadline dueAt={entry.dueAt} daysLeft={entry.daysLeft} />
      </p>
    </li>
  );
}

function DecidedItem({ entry }: { entry: RequestEntry }) {
  const { t } = useTranslation("adminRequests");
  const day = useDay();
  const took =
    entry.daysTaken === null || entry.status === "withdrawn"
      ? null
      : entry.daysTaken === 0
      ? t("list.tookSameDay")
      : t("list.took", { count: entry.daysTaken });
  return (
    <li className="space-y-1 p-3">
      <p className="font-semibold break-words">{entry.requesterName}</p>
      <p className="text-sm text-stone-800">
        {t(`statuses.${entry.status}`)}
        {entry.decidedByName ? ` ${t("list.decidedBy", { name: entry.decidedByName })}` : null}
        {entry.decidedAt ? ` · ${day(entry.decidedAt)}` : null}
        {took ? ` · ${took}` : null}
      </p>
      <p className="text-sm text-stone-800">
        {t("list.requested")} {day(entry.requestedAt)}
      </p>
      {entry.decisionReason ? (
        <p className="text-sm break-words text-stone-800">{t("list.reason", { reason: entry.decisionReason })}</p>
      ) : null}
    </li>
  );
}
